-- The chat of each update, so that an update is handled only after the earlier recorded ones of its chat, also
-- when those were left unhandled by an instance that died or by a failure (issue 12). Null for updates recorded
-- before this column existed; the sweep still handles those.
ALTER TABLE processed_updates ADD COLUMN chat_id text;
CREATE INDEX processed_updates_chat_unhandled_idx ON processed_updates (channel, chat_id, update_id)
    WHERE handled_at IS NULL;
