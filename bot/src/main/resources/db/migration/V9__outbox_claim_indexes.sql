-- The outbox claim walks pending messages in id order and checks that each is the oldest pending one of its
-- chat: both are index lookups, so a claim costs a few milliseconds however large the backlog (it used to read
-- every pending row to find each chat's first).
CREATE INDEX messages_pending_order_idx ON messages (id) WHERE delivery = 'pending';
CREATE INDEX messages_pending_chat_idx ON messages (chat_id, id) WHERE delivery = 'pending';
