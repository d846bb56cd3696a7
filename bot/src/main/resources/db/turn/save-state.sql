-- The conversation state of a chat at the end of a turn that changed it. Parameters: flow, step, slots (JSON
-- text), entered at, chat id.
UPDATE chats
SET state_flow = ?, state_step = ?, state_slots = CAST(? AS jsonb), state_entered_at = ?, updated_at = now()
WHERE id = ?
