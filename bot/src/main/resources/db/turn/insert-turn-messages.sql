-- A turn's messages with one statement, in the order given (the user's message first, then the answers).
-- Parameters: chat id, then one array per column with an element per message: direction, author, kind, body,
-- buttons (JSON text), delivery, case id, author account id, file id.
INSERT INTO messages (chat_id, direction, author, kind, body, buttons, delivery, case_id, author_account_id, file_id)
SELECT ?, t.direction, t.author, t.kind, t.body, CAST(t.buttons AS jsonb), t.delivery, t.case_id, t.account_id,
       t.file_id
FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
            CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]))
     WITH ORDINALITY AS t(direction, author, kind, body, buttons, delivery, case_id, account_id, file_id, n)
ORDER BY t.n
RETURNING id, body, buttons::text AS buttons, created_at, author
