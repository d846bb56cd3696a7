-- Locks the chat row until the transaction ends, serialising turns of one chat across instances; no row for a
-- chat never seen. Parameters: channel, external id.
SELECT id, state_flow, state_step, state_slots::text AS state_slots, state_entered_at,
       consent_at IS NOT NULL AS consented, display_name
FROM chats WHERE channel = ? AND external_id = ?
FOR UPDATE
