-- Web chat clients saw messages.id, one sequence for the whole service: the gap between two of a chat's ids
-- told how many messages every other chat exchanged meanwhile. Each message now also has a number within its
-- chat (seq: 1, 2, 3, ...), which is what clients see; chats.last_message_seq hands them out and never goes
-- back, so numbers are not reused after /batal or /hapus deleted messages (a page that saw one still shows
-- the next).
ALTER TABLE chats ADD COLUMN last_message_seq bigint NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN seq bigint;

UPDATE messages m SET seq = numbered.seq
FROM (SELECT id, row_number() OVER (PARTITION BY chat_id ORDER BY id) AS seq FROM messages) numbered
WHERE m.id = numbered.id;
UPDATE chats c SET last_message_seq = coalesce((SELECT max(seq) FROM messages m WHERE m.chat_id = c.id), 0);

ALTER TABLE messages ALTER COLUMN seq SET NOT NULL;
-- Serves "this chat's messages after number N" and keeps the numbers unique within a chat.
CREATE UNIQUE INDEX messages_chat_seq_idx ON messages (chat_id, seq);

-- A turn numbers its messages itself (db/turn/insert-turn-messages.sql); any other insert (a repair by hand, a
-- test fixture) gets the chat's next number here. The WHEN clause keeps the trigger off the turn's path.
CREATE FUNCTION messages_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE chats SET last_message_seq = last_message_seq + 1 WHERE id = NEW.chat_id
    RETURNING last_message_seq INTO NEW.seq;
    RETURN NEW;
END
$$;
CREATE TRIGGER messages_seq_when_missing BEFORE INSERT ON messages
    FOR EACH ROW WHEN (NEW.seq IS NULL) EXECUTE FUNCTION messages_next_seq();
