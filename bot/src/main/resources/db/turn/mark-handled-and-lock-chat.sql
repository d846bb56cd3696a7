-- For a channel delivery: marks the update handled (inserting it if it was never recorded) and locks the chat
-- row, in one statement. fresh is false when the update was handled before; the chat columns are null for a
-- chat never seen. Parameters: channel, update id, channel, external id.
WITH handled AS (
    INSERT INTO processed_updates (channel, update_id, payload, handled_at)
    VALUES (?, ?, '{}'::jsonb, now())
    ON CONFLICT (channel, update_id) DO UPDATE SET handled_at = now()
      WHERE processed_updates.handled_at IS NULL
    RETURNING 1),
chat AS (
    SELECT id, state_flow, state_step, state_slots::text AS state_slots, state_entered_at,
           consent_at IS NOT NULL AS consented, display_name
    FROM chats WHERE channel = ? AND external_id = ?
    FOR UPDATE)
SELECT EXISTS (SELECT 1 FROM handled) AS fresh, chat.*
FROM (VALUES (1)) AS one LEFT JOIN chat ON true
