-- Telegram sending: a long answer goes out in parts; parts_sent lets a retry continue where it stopped
-- instead of repeating parts the user already has.
ALTER TABLE messages ADD COLUMN parts_sent integer NOT NULL DEFAULT 0;

-- Small pieces of service state, e.g. a fingerprint of the webhook registration so restarts do not
-- call setWebhook again when nothing changed.
CREATE TABLE settings (
    key         text PRIMARY KEY,
    value       text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Updates whose handling failed are tried again a few times; the last error stays for operators.
ALTER TABLE processed_updates ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE processed_updates ADD COLUMN error text;
