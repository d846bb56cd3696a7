-- Records several updates of one channel with one statement; returns the ids that were new (the others were
-- delivered before), each with whether an earlier update of its chat may still be unhandled: one recorded before
-- and not handled, tried fewer than the given number of times, or one in this same batch (recorded with it, so
-- invisible to the first test, and handed to the handlers in no fixed order). Only such an update needs to look
-- for them before it is handled (rarely: an instance died with them queued, their handling failed, or the user
-- sent several messages at once).
-- Parameters: element by element, update ids (bigint[]), their chats' external ids (text[], null for an update
-- of no chat), payloads (JSON text[]); then the channel and the number of tries.
WITH batch AS (
    SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[])) AS t(update_id, chat_id, payload)
)
INSERT INTO processed_updates AS recorded (channel, update_id, chat_id, payload)
SELECT ?, batch.update_id, batch.chat_id, CAST(batch.payload AS jsonb)
FROM batch
ON CONFLICT (channel, update_id) DO NOTHING
RETURNING recorded.update_id,
          EXISTS (SELECT 1 FROM processed_updates earlier
                  WHERE earlier.channel = recorded.channel AND earlier.chat_id = recorded.chat_id
                    AND earlier.handled_at IS NULL AND earlier.update_id < recorded.update_id
                    AND earlier.attempts < ?)
          OR EXISTS (SELECT 1 FROM batch
                     WHERE batch.chat_id = recorded.chat_id AND batch.update_id < recorded.update_id) AS behind_unhandled
