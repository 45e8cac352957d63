-- Consensus's own copy of each project (the whole ProjectView as JSON), kept from projects.ProjectChanged: it
-- needs the schema, the aggregation settings, the reward and the reviewers at every decision.
CREATE TABLE consensus.project (
    id      uuid PRIMARY KEY,
    version bigint NOT NULL,
    view    jsonb  NOT NULL
);

-- Every answer consensus was told about (tasks.AnswerSubmitted), and what became of it. An answer gets one
-- verdict, once: accepted (paid) or rejected; a dispute may later turn it (see dispute).
CREATE TABLE consensus.answer (
    id           uuid PRIMARY KEY,
    project_id   uuid        NOT NULL,
    item_id      bigint      NOT NULL,
    labeler_id   uuid        NOT NULL,
    value        jsonb       NOT NULL,
    gold_answer  jsonb,
    duration_ms  bigint      NOT NULL,
    submitted_at timestamptz NOT NULL,
    verdict      text CHECK (verdict IN ('accepted', 'rejected')),
    reason       text,
    decided_at   timestamptz,
    UNIQUE (item_id, labeler_id),
    CHECK ((verdict IS NULL) = (decided_at IS NULL))
);
CREATE INDEX answer_by_item ON consensus.answer (item_id);

-- An item with answers. collecting: waiting for the answers the queue said it has (answers_expected, from
-- tasks.ItemFullyAnswered; the answers' own events may come before or after it) or for more that consensus asked
-- for; review: a reviewer must decide; decided: its label, how sure consensus is, and who or what decided it.
-- Both listeners lock this row first, so the one that completes the set of answers decides, once.
CREATE TABLE consensus.item (
    id               bigint PRIMARY KEY,
    project_id       uuid             NOT NULL,
    state            text             NOT NULL CHECK (state IN ('collecting', 'review', 'decided')),
    answers_expected integer,
    label            jsonb,
    confidence       double precision CHECK (confidence BETWEEN 0 AND 1),
    method           text,
    decided_by       uuid,
    note             text,
    updated_at       timestamptz      NOT NULL,
    -- a decided item has its label; an item in review may carry consensus's suggestion
    CHECK (state <> 'decided' OR label IS NOT NULL)
);
CREATE INDEX item_in_review ON consensus.item (project_id, updated_at) WHERE state = 'review';

-- What consensus has measured of each labeler, overall (skill '') and per skill: cumulative counts, published
-- as LabelerQualityChanged after each change.
CREATE TABLE consensus.labeler_quality (
    labeler_id      uuid        NOT NULL,
    skill           text        NOT NULL,
    gold_answers    bigint      NOT NULL DEFAULT 0,
    gold_correct    bigint      NOT NULL DEFAULT 0 CHECK (gold_correct <= gold_answers),
    decided_answers bigint      NOT NULL DEFAULT 0,
    agreed_answers  bigint      NOT NULL DEFAULT 0 CHECK (agreed_answers <= decided_answers),
    disputes_lost   bigint      NOT NULL DEFAULT 0,
    measured_at     timestamptz NOT NULL,
    PRIMARY KEY (labeler_id, skill)
);
