-- A title the owner chose (RenameSession); NULL until then. VARCHAR counts characters (code points)
-- in utf8mb4, matching SessionTitle's 120-code-point limit. State DELETED needs no schema change.
ALTER TABLE sessions ADD COLUMN title VARCHAR(120) NULL AFTER in_flight_since;
