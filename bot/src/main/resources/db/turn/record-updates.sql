-- Records several updates of one channel with one statement; returns the ids that were new (the others were
-- delivered before). Parameters: channel, then element by element: update ids (bigint[]), their chats' external
-- ids (text[], null for an update of no chat), payloads (JSON text[]).
INSERT INTO processed_updates (channel, update_id, chat_id, payload)
SELECT ?, t.update_id, t.chat_id, CAST(t.payload AS jsonb)
FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[])) AS t(update_id, chat_id, payload)
ON CONFLICT (channel, update_id) DO NOTHING
RETURNING update_id
