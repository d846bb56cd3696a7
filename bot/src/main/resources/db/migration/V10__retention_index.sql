-- Issue 12: the retention job looks for chats whose cases were all closed before a cutoff and not yet erased.
-- This partial index holds only such candidate cases, so the periodic look stays cheap however many cases and
-- chats there are, and shrinks as cases are anonymised (erased_at set).
CREATE INDEX cases_retention_idx ON cases (closed_at) WHERE status = 'closed' AND erased_at IS NULL;
