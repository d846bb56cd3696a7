-- A question the bot could not answer well, kept for the staff's inbox. Parameters: chat id, text, reason
-- (clarify, fallback, unhelpful, no_entry), the classifier's top intents (JSON text).
INSERT INTO unanswered_questions (chat_id, text, reason, top_intents)
VALUES (?, ?, ?, CAST(? AS jsonb))
