-- Admin pages (issue 8): how an unanswered question was dealt with, and by whom.
-- resolution: 'dismissed', or 'example:<intent key>' when staff added it as a training example of that topic.
ALTER TABLE unanswered_questions ADD COLUMN resolution text
    CHECK (resolution IS NULL OR resolution = 'dismissed' OR resolution ~ '^example:[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,3}$');
ALTER TABLE unanswered_questions ADD COLUMN resolved_by text;

-- The inbox reads only open questions; this keeps that cheap however many resolved ones pile up.
CREATE INDEX unanswered_questions_open_idx ON unanswered_questions (created_at) WHERE resolved_at IS NULL;

-- The audit log is read per subject (an entry's or a question group's history).
CREATE INDEX audit_log_subject_idx ON audit_log (subject, at);
