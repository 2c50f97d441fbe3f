-- Model choice (issue 21): the model that answered (AnswerCompleted.model), shown quietly under the answer.
-- NULL for user messages, placeholders and rows projected before V6. Written and replaced with content.
ALTER TABLE message_view ADD COLUMN model VARCHAR(64) NULL AFTER reasoning;
