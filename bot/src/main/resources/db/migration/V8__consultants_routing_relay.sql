-- Consultants, routing, the case's life and the relay between a consultant and the entrepreneur.

-- What makes a consultant account routable: specialties, whether they take cases now, how many at once,
-- and the Telegram chat where they are told about new cases (linked with a one-time code).
CREATE TABLE consultant_profiles (
    account_id         bigint      PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    specialties        text[]      NOT NULL DEFAULT '{}'
                       CHECK (specialties <@ ARRAY['legal', 'packaging', 'halal', 'other']),
    active             boolean     NOT NULL DEFAULT true,
    max_open_cases     integer     NOT NULL DEFAULT 10 CHECK (max_open_cases BETWEEN 1 AND 500),
    telegram_chat_id   text,
    link_code_hash     text,                                   -- SHA-256 of the one-time /hubungkan code
    link_code_expires  timestamptz,
    last_assigned_at   timestamptz,                            -- ties go to whoever waited longest
    updated_at         timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE cases
    ADD COLUMN assigned_to     bigint      REFERENCES accounts (id),
    ADD COLUMN assigned_at     timestamptz,
    ADD COLUMN first_reply_at  timestamptz,                    -- the consultant's first message to the user
    ADD COLUMN resolved_at     timestamptz,
    ADD COLUMN closed_at       timestamptz,
    ADD COLUMN rating          smallint    CHECK (rating BETWEEN 1 AND 5),
    ADD COLUMN rating_comment  text,
    ADD COLUMN rated_at        timestamptz,
    ADD COLUMN unclaimed_reported_at timestamptz;
CREATE INDEX cases_assigned_idx ON cases (assigned_to, status);

-- Every change of a case with its time and actor: routing decisions with their reason, claims,
-- reassignments, status changes, replies (without their text), ratings.
CREATE TABLE case_events (
    id           bigserial   PRIMARY KEY,
    case_id      bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at           timestamptz NOT NULL DEFAULT now(),
    actor_kind   text        NOT NULL CHECK (actor_kind IN ('system', 'consultant', 'admin', 'user')),
    actor_id     bigint      REFERENCES accounts (id),
    kind         text        NOT NULL CHECK (kind IN ('opened', 'routed', 'queued', 'claimed', 'reassigned', 'status',
                                                      'replied', 'noted', 'rated')),
    from_status  text,
    to_status    text,
    detail       text        NOT NULL DEFAULT ''              -- e.g. the routing reason; never personal data
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

-- Internal notes of consultants on a case; never shown to the user.
CREATE TABLE case_notes (
    id          bigserial   PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A consultant's message in a chat's transcript names its author and its case.
ALTER TABLE messages ADD COLUMN case_id bigint REFERENCES cases (id) ON DELETE SET NULL;
ALTER TABLE messages ADD COLUMN author_account_id bigint REFERENCES accounts (id);
-- A photo or document a user sent: Telegram keeps the file, we keep its file_id to fetch it for a consultant.
ALTER TABLE messages ADD COLUMN file_id text;
CREATE INDEX messages_case_idx ON messages (case_id, id) WHERE case_id IS NOT NULL;
