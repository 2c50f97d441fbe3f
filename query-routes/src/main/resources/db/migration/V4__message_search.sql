-- Search (SearchMessages): a user's messages newest first, in the order of the search's pages
-- (created_at, request_id, role_rank, all descending). A search reads only the caller's rows through it,
-- newest first, and stops once it has a page of hits; no other user's rows are ever read.
CREATE INDEX ix_message_view_user_created ON message_view (user_id, created_at, request_id, role_rank);
