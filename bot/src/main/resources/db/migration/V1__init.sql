-- First schema: conversations now, and the outline that the Telegram, NLU, FAQ, intake, case and
-- admin features build on. Personal data (names, phone numbers, chat text) sits only in chats,
-- messages, cases and unanswered_questions, all erasable per chat.

CREATE TABLE chats (
    id             bigserial PRIMARY KEY,
    channel        text        NOT NULL CHECK (channel IN ('web', 'telegram')),
    external_id    text        NOT NULL CHECK (length(external_id) BETWEEN 1 AND 128),
    display_name   text,
    state_step     text        NOT NULL DEFAULT 'new',
    state_slots    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    consent_at     timestamptz,
    blocked_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel, external_id)
);

-- The transcript of every chat, and the outbox of channels that push (Telegram): an outbound row
-- with delivery 'pending' is still to be sent.
CREATE TABLE messages (
    id               bigserial PRIMARY KEY,
    chat_id          bigint      NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    direction        text        NOT NULL CHECK (direction IN ('in', 'out')),
    author           text        NOT NULL CHECK (author IN ('user', 'bot', 'consultant')),
    kind             text        NOT NULL CHECK (kind IN ('text', 'button')),
    body             text        NOT NULL,
    buttons          jsonb       NOT NULL DEFAULT '[]'::jsonb,
    delivery         text        CHECK (delivery IN ('pending', 'sent', 'failed')),
    delivery_error   text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_chat_id_idx ON messages (chat_id, id);
CREATE INDEX messages_pending_idx ON messages (next_attempt_at, id) WHERE delivery = 'pending';

-- Each channel update (Telegram update_id) is handled at most once.
CREATE TABLE processed_updates (
    channel      text        NOT NULL,
    update_id    bigint      NOT NULL,
    payload      jsonb       NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    handled_at   timestamptz,
    PRIMARY KEY (channel, update_id)
);
CREATE INDEX processed_updates_unhandled_idx ON processed_updates (received_at) WHERE handled_at IS NULL;

-- Answers to common questions, keyed by the NLU intent key.
CREATE TABLE faq_entries (
    id          bigserial PRIMARY KEY,
    intent_key  text        NOT NULL UNIQUE,
    title       text        NOT NULL,
    answer      text        NOT NULL,
    uncertain   boolean     NOT NULL DEFAULT false,
    sources     text        NOT NULL DEFAULT '',
    published   boolean     NOT NULL DEFAULT true,
    version     integer     NOT NULL DEFAULT 1,
    updated_by  text,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Questions the bot could not answer confidently, for admins to review.
CREATE TABLE unanswered_questions (
    id           bigserial PRIMARY KEY,
    chat_id      bigint      REFERENCES chats (id) ON DELETE CASCADE,
    text         text        NOT NULL,
    decision     text        NOT NULL,
    top_intents  jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz
);

CREATE TABLE consultants (
    id             bigserial PRIMARY KEY,
    username       text        NOT NULL UNIQUE,
    display_name   text        NOT NULL,
    password_hash  text        NOT NULL,
    topics         text[]      NOT NULL DEFAULT '{}',
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admin_accounts (
    id             bigserial PRIMARY KEY,
    username       text        NOT NULL UNIQUE,
    password_hash  text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz
);

-- A consultation routed to people. Claims are atomic: UPDATE ... WHERE status = 'new'.
CREATE TABLE cases (
    id              bigserial PRIMARY KEY,
    chat_id         bigint      NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    topic           text        NOT NULL,
    status          text        NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'answered', 'closed')),
    summary         text        NOT NULL DEFAULT '',
    intake          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    consultant_id   bigint      REFERENCES consultants (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    claimed_at      timestamptz,
    closed_at       timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_status_idx ON cases (status, created_at);

-- Who changed what: FAQ edits, case actions, account changes, data erasures. No chat text here.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    actor_kind  text        NOT NULL CHECK (actor_kind IN ('admin', 'consultant', 'system', 'user')),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    subject     text,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
