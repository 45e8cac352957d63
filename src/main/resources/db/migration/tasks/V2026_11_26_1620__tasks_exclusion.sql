-- Labelers excluded from a project by its anti-fraud rule (consensus.LabelerFlagged): the queue gives them none
-- of its tasks. Keyed labeler first: the next-task pick asks it once per project the labeler could work on.
CREATE TABLE tasks.exclusion (
    labeler_id  uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    excluded_at timestamptz NOT NULL,
    PRIMARY KEY (labeler_id, project_id)
);

-- A lease taken back from a labeler excluded from its project.
ALTER TABLE tasks.lease DROP CONSTRAINT lease_state_check;
ALTER TABLE tasks.lease ADD CONSTRAINT lease_state_check CHECK (state IN ('active', 'answered', 'skipped', 'expired', 'revoked'));
