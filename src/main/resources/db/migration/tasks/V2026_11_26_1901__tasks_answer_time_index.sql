-- The admin dashboard counts answers by time (the last minute, each of the last 24 hours): without this index
-- each look would read every answer ever given.
CREATE INDEX answer_by_time ON tasks.answer (submitted_at);
