-- A turn's messages with one statement, in the order given (the user's message first, then the answers).
-- Each gets the next numbers of its chat (seq), taken from chats.last_message_seq: the chat row is locked for
-- the turn, so the numbers are gapless and in the order given.
-- Parameters: the number of messages, the chat id, then one array per column with an element per message:
-- direction, author, kind, body, buttons (JSON text), delivery, case id, author account id, file id.
WITH counter AS (
    UPDATE chats SET last_message_seq = last_message_seq + ? WHERE id = ?
    RETURNING id, last_message_seq
)
INSERT INTO messages (chat_id, seq, direction, author, kind, body, buttons, delivery, case_id, author_account_id,
                      file_id)
SELECT counter.id, counter.last_message_seq - count(*) OVER () + t.n, t.direction, t.author, t.kind, t.body,
       CAST(t.buttons AS jsonb), t.delivery, t.case_id, t.account_id, t.file_id
FROM counter,
     unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
            CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]))
     WITH ORDINALITY AS t(direction, author, kind, body, buttons, delivery, case_id, account_id, file_id, n)
ORDER BY t.n
RETURNING id, seq, body, buttons::text AS buttons, created_at, author
