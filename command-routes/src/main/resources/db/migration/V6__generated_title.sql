-- Whether sessions.title was suggested by the model (SessionTitleSuggested) rather than chosen by the
-- owner (RenameSession): a suggestion never replaces the owner's title, the owner's rename always
-- replaces a suggested one. Existing titles were all the owners' own.
ALTER TABLE sessions ADD COLUMN title_generated BOOLEAN NOT NULL DEFAULT FALSE AFTER title;
