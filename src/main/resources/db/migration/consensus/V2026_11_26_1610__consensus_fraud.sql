-- Anti-fraud. A labeler flagged in a project and excluded from it has their answers on undecided items made void:
-- kept (they happened), never paid, never counted by aggregation.
ALTER TABLE consensus.answer DROP CONSTRAINT answer_verdict_check;
ALTER TABLE consensus.answer ADD CONSTRAINT answer_verdict_check CHECK (verdict IN ('accepted', 'rejected', 'void'));
-- The crowd's recent answers in a project (its typical time and how varied its answers are), newest first.
CREATE INDEX answer_by_project ON consensus.answer (project_id, submitted_at DESC);
-- A flagged labeler's answers in a project, to void the pending ones.
CREATE INDEX answer_by_labeler ON consensus.answer (labeler_id, project_id);

-- How many void answers of the item the queue was already asked to replace with answers from others: the
-- item's answers_expected counts them, so only the void answers beyond this number still need replacing.
ALTER TABLE consensus.item ADD COLUMN voids_replaced integer NOT NULL DEFAULT 0 CHECK (voids_replaced >= 0);

-- Per labeler and project, the bounded windows the fraud signals are read from: fingerprints (md5 of the jsonb
-- text) of the last answers, their durations, oldest first, and the run of wrong gold answers. A flag empties
-- the windows, so the next flag needs fresh evidence. excluded_at: from then on the labeler's answers are void.
CREATE TABLE consensus.labeler_watch (
    project_id       uuid        NOT NULL,
    labeler_id       uuid        NOT NULL,
    recent_values    text[]      NOT NULL,
    recent_durations bigint[]    NOT NULL,
    gold_streak      integer     NOT NULL CHECK (gold_streak >= 0),
    excluded_at      timestamptz,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (project_id, labeler_id)
);

-- Every flag raised, with the signals that raised it and the project's rule at the time. The request_ban rows
-- are the ban requests admins read (GET /api/v1/admin/fraud-flags), newest first.
CREATE TABLE consensus.fraud_flag (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    labeler_id uuid        NOT NULL,
    signals    text[]      NOT NULL CHECK (cardinality(signals) >= 1),
    action     text        NOT NULL CHECK (action IN ('warn', 'exclude', 'request_ban')),
    flagged_at timestamptz NOT NULL
);
CREATE INDEX fraud_flag_by_action ON consensus.fraud_flag (action, flagged_at DESC, id DESC);
