-- Records several updates of one channel with one statement; returns the ids that were new (the others were
-- delivered before), each with whether its chat then had an earlier update recorded and not handled, tried fewer
-- than the given number of times: only such an update needs to look for them before it is handled (rarely: an
-- instance died with them queued, their handling failed, or the user sent several messages at once).
-- Parameters: channel, then element by element: update ids (bigint[]), their chats' external ids (text[], null
-- for an update of no chat), payloads (JSON text[]); then the number of tries.
INSERT INTO processed_updates AS recorded (channel, update_id, chat_id, payload)
SELECT ?, t.update_id, t.chat_id, CAST(t.payload AS jsonb)
FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[])) AS t(update_id, chat_id, payload)
ON CONFLICT (channel, update_id) DO NOTHING
RETURNING recorded.update_id,
          EXISTS (SELECT 1 FROM processed_updates earlier
                  WHERE earlier.channel = recorded.channel AND earlier.chat_id = recorded.chat_id
                    AND earlier.handled_at IS NULL AND earlier.update_id < recorded.update_id
                    AND earlier.attempts < ?) AS behind_unhandled
