-- A title the model suggested (SessionChanged{renamed, generated}): like the owner's, it outranks the
-- first prompt's (title_user_set), but the owner's own rename always replaces it, and it never replaces
-- the owner's. Existing titles were all the owners' own.
ALTER TABLE session_view ADD COLUMN title_generated BOOLEAN NOT NULL DEFAULT FALSE;
