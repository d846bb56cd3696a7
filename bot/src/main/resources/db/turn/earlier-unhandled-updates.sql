-- Payloads of a chat's updates before the given one that were recorded but not handled, tried fewer than the
-- given number of times, oldest first (asked before an update whose record found some, or after a failure in its
-- chat; processed_updates_chat_unhandled_idx).
-- Parameters: channel, chat's external id, update id, max attempts.
SELECT payload::text FROM processed_updates
WHERE channel = ? AND chat_id = ? AND handled_at IS NULL AND update_id < ? AND attempts < ?
ORDER BY update_id
