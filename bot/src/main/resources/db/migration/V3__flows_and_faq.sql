-- Flows: the conversation state names the active flow, its step, its slots and when the step was entered,
-- so a chat that returns after the flow's resume window can be asked whether to continue.
ALTER TABLE chats ADD COLUMN state_flow text NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN state_entered_at timestamptz NOT NULL DEFAULT now();
UPDATE chats SET state_flow = CASE state_step WHEN 'confirm_delete' THEN 'delete' ELSE '' END,
                 state_step = CASE state_step WHEN 'confirm_delete' THEN 'ask' ELSE '' END,
                 state_entered_at = updated_at;
ALTER TABLE chats ALTER COLUMN state_step SET DEFAULT '';

-- FAQ entries, keyed by intent key. V1's table was never written by any release, so it is replaced.
DROP TABLE faq_entries;
CREATE TABLE faq_entries (
    id            bigserial PRIMARY KEY,
    intent_key    text        NOT NULL UNIQUE
                  CHECK (intent_key ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,3}$' AND length(intent_key) <= 40),
    topic         text        NOT NULL CHECK (topic IN ('legal', 'packaging', 'halal', 'clinic', 'other')),
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    answer        text        NOT NULL CHECK (length(answer) > 0),
    details       text        NOT NULL DEFAULT '',
    sources       jsonb       NOT NULL DEFAULT '[]'::jsonb,   -- [{"title": ..., "url": ...}]
    reviewed_on   date        NOT NULL,
    uncertain     boolean     NOT NULL DEFAULT false,
    related       jsonb       NOT NULL DEFAULT '[]'::jsonb,   -- keys of follow-up entries
    menu_order    integer,                                    -- NULL: reached only from other entries
    published     boolean     NOT NULL DEFAULT true,
    version       integer     NOT NULL DEFAULT 1,
    seed_version  integer,                                    -- seed file version last loaded; NULL if not from the seed
    edited_by     text,                                       -- NULL while the entry is as the seed made it
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Every version of every entry, the current one included, for history, diff and restore.
CREATE TABLE faq_revisions (
    entry_id      bigint      NOT NULL REFERENCES faq_entries (id) ON DELETE CASCADE,
    version       integer     NOT NULL,
    title         text        NOT NULL,
    answer        text        NOT NULL,
    details       text        NOT NULL,
    sources       jsonb       NOT NULL,
    reviewed_on   date        NOT NULL,
    uncertain     boolean     NOT NULL,
    related       jsonb       NOT NULL,
    menu_order    integer,
    published     boolean     NOT NULL,
    changed_by    text        NOT NULL,                       -- 'seed' or the admin's user name
    changed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_id, version)
);

-- "Membantu? 👍 / 👎" per entry and version; one vote per chat and version (a second press changes it).
-- Erasing a chat keeps its votes for the counts but unties them from the chat.
CREATE TABLE faq_votes (
    id          bigserial   PRIMARY KEY,
    intent_key  text        NOT NULL,
    version     integer     NOT NULL,
    chat_id     bigint      REFERENCES chats (id) ON DELETE SET NULL,
    helpful     boolean     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX faq_votes_one_per_chat ON faq_votes (chat_id, intent_key, version) WHERE chat_id IS NOT NULL;
CREATE INDEX faq_votes_key_idx ON faq_votes (intent_key, version);

-- unanswered_questions.decision now says why a question was kept: clarify, fallback, unhelpful, no_entry.
ALTER TABLE unanswered_questions RENAME COLUMN decision TO reason;
