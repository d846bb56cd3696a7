-- Staff accounts (admins and consultants), their browser sessions and API tokens. Sessions live here, not in
-- memory, so a login works on every instance and survives restarts. Only hashes of secrets are stored.
-- V1's placeholder tables for staff were never written; accounts replace them.
ALTER TABLE cases DROP CONSTRAINT cases_consultant_id_fkey;
DROP TABLE consultants;
DROP TABLE admin_accounts;

CREATE TABLE accounts (
    id             bigserial   PRIMARY KEY,
    username       text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,31}$'),
    display_name   text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    role           text        NOT NULL CHECK (role IN ('admin', 'consultant')),
    password_hash  text        NOT NULL,
    failed_logins  integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE cases ADD CONSTRAINT cases_consultant_id_fkey FOREIGN KEY (consultant_id) REFERENCES accounts (id);

CREATE TABLE staff_sessions (
    token_hash    text        PRIMARY KEY,                    -- SHA-256 of the cookie value
    account_id    bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX staff_sessions_account_idx ON staff_sessions (account_id);

CREATE TABLE api_tokens (
    id            bigserial   PRIMARY KEY,
    account_id    bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    token_hash    text        NOT NULL UNIQUE,                -- SHA-256 of the token
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- Audit entries may carry what changed (before and after), never a password.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS ip text;
