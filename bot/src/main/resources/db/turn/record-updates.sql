-- Records several updates of one channel with one statement; returns the ids that were new (the others were
-- delivered before). Parameters: channel, update ids (bigint[]), payloads (JSON text[]), element by element.
INSERT INTO processed_updates (channel, update_id, payload)
SELECT ?, t.update_id, CAST(t.payload AS jsonb)
FROM unnest(CAST(? AS bigint[]), CAST(? AS text[])) AS t(update_id, payload)
ON CONFLICT (channel, update_id) DO NOTHING
RETURNING update_id
