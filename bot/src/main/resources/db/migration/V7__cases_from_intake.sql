-- Cases opened by the intake form. V1's outline was never written by any release, so it is replaced with the
-- intake's fields and the statuses the consultants' workspace moves a case through.
DROP TABLE cases;

-- Case numbers people can read over the phone (KUM-2026-00123): one counter per year, taken in the opening
-- transaction, so numbers are unique across instances and have no gaps from rolled-back attempts.
CREATE TABLE case_numbers (
    year  integer PRIMARY KEY,
    last  integer NOT NULL
);

CREATE TABLE cases (
    id             bigserial   PRIMARY KEY,
    number         text        NOT NULL UNIQUE CHECK (number ~ '^KUM-[0-9]{4}-[0-9]{5,}$'),
    chat_id        bigint      NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    channel        text        NOT NULL CHECK (channel IN ('web', 'telegram')),
    submission     text        NOT NULL CHECK (submission ~ '^[A-Za-z0-9]{6,20}$'),  -- the intake attempt
    status         text        NOT NULL DEFAULT 'new'
                   CHECK (status IN ('new', 'assigned', 'in_progress', 'waiting_user', 'resolved', 'closed')),
    needs          text[]      NOT NULL CHECK (cardinality(needs) > 0
                                               AND needs <@ ARRAY['legal', 'packaging', 'halal', 'other']),
    kecamatan      text,                                       -- one of the 24; NULL when outside the regency
    outside_place  text,                                       -- what the user named when outside
    -- Personal data (UU PDP 27/2022): emptied when the user erases their data; erased_at says when.
    full_name      text,
    business_name  text,
    product        text,
    phone          text        CHECK (phone ~ '^\+628[0-9]{8,11}$'),
    description    text,
    intake         jsonb       NOT NULL DEFAULT '{}'::jsonb,   -- the whole form as submitted
    erased_at      timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (chat_id, submission),
    CHECK ((kecamatan IS NULL) <> (outside_place IS NULL) OR erased_at IS NOT NULL)
);
CREATE INDEX cases_status_idx ON cases (status, created_at);
CREATE INDEX cases_chat_idx ON cases (chat_id, created_at);
