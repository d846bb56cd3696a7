-- The outbox claim now goes from chat to chat through messages_pending_chat_idx (one probe for each chat's oldest
-- pending message) instead of walking pending messages in id order, which read every message queued behind a
-- chat whose oldest one was leased or waiting for the chat's pace. These two indexes served only the old walk;
-- without them a pending message enters two fewer indexes, and leasing or deferring it (a change of
-- next_attempt_at alone) can be a HOT update.
DROP INDEX messages_pending_order_idx;
DROP INDEX messages_pending_idx;
