-- Thinking models (issue 21): the model's reasoning before the answer (AnswerCompleted.reasoning), shown
-- apart from the answer and replayed before it when the live stream has expired. NULL when the answer has
-- none: user messages, answers of models that do not think, failed answers, and rows projected before V5.
-- Written and replaced together with content (same compare-and-set), deleted with the session's rows.
ALTER TABLE message_view ADD COLUMN reasoning MEDIUMTEXT NULL AFTER content;
