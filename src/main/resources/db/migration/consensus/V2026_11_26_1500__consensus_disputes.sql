-- A party's objection to a decision, and how an admin settled it. A labeler disputes the rejection of their
-- answer; a project's manager disputes an item's label. One dispute per answer and per item label, ever: the
-- same complaint sent twice is one dispute. Who, when and why are kept on both sides.
CREATE TABLE consensus.dispute (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('rejected-answer', 'item-label')),
    project_id      uuid        NOT NULL,
    item_id         bigint      NOT NULL,
    answer_id       uuid REFERENCES consensus.answer (id),
    opened_by       uuid        NOT NULL,
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    opened_at       timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
    resolved_by     uuid,
    resolved_at     timestamptz,
    resolution_note text,
    new_label       jsonb,
    CHECK ((kind = 'rejected-answer') = (answer_id IS NOT NULL)),
    CHECK ((status = 'open') = (resolved_at IS NULL) AND (resolved_at IS NULL) = (resolved_by IS NULL))
);
CREATE UNIQUE INDEX dispute_per_answer ON consensus.dispute (answer_id) WHERE kind = 'rejected-answer';
CREATE UNIQUE INDEX dispute_per_item_label ON consensus.dispute (item_id) WHERE kind = 'item-label';
CREATE INDEX dispute_open ON consensus.dispute (opened_at, id) WHERE status = 'open';
