-- The queue's own copy of each project's settings, kept from projects.ProjectChanged: the queue reads it on
-- every request and must not call across modules to do so.
CREATE TABLE tasks.project (
    id               uuid PRIMARY KEY,
    version          bigint           NOT NULL,
    owner_id         uuid             NOT NULL,
    name             text             NOT NULL,
    instructions     text             NOT NULL,
    status           text             NOT NULL,
    schema           jsonb            NOT NULL,
    overlap          integer          NOT NULL,
    max_overlap      integer          NOT NULL,
    lease_seconds    integer          NOT NULL,
    gold_rate        double precision NOT NULL,
    priority         integer          NOT NULL,
    required_skills  text[]           NOT NULL,
    open_to_all      boolean          NOT NULL,
    allowed_labelers uuid[]           NOT NULL
);
CREATE INDEX project_active ON tasks.project (priority DESC, id) WHERE status = 'active';

-- One thing to label. Regular items collect answers_needed answers (the project's overlap, raised by consensus
-- when it is unsure) and then go to consensus; gold items have a known answer, are answered by anyone once,
-- and never complete. state: open (may be leased), full (every missing answer is leased), complete.
CREATE TABLE tasks.item (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id     uuid        NOT NULL,
    import_id      uuid,
    external_id    text CHECK (length(external_id) <= 200),
    data           jsonb       NOT NULL,
    gold_answer    jsonb,
    answers_needed integer     NOT NULL CHECK (answers_needed BETWEEN 1 AND 15),
    answers_count  integer     NOT NULL DEFAULT 0 CHECK (answers_count >= 0),
    leases_active  integer     NOT NULL DEFAULT 0 CHECK (leases_active >= 0),
    state          text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'full', 'complete')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- the queue's promise: never more answers and leases in flight than the item needs
    CHECK (gold_answer IS NOT NULL OR answers_count + leases_active <= answers_needed)
);
-- An item's state follows its counters, whichever statement moves them.
CREATE FUNCTION tasks.item_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.gold_answer IS NULL THEN
        NEW.state := CASE WHEN NEW.answers_count >= NEW.answers_needed THEN 'complete'
                          WHEN NEW.answers_count + NEW.leases_active >= NEW.answers_needed THEN 'full'
                          ELSE 'open' END;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER item_state BEFORE UPDATE OF answers_count, leases_active, answers_needed ON tasks.item
    FOR EACH ROW EXECUTE FUNCTION tasks.item_state();
CREATE UNIQUE INDEX item_external_id ON tasks.item (project_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX item_queue ON tasks.item (project_id, id) WHERE state = 'open' AND gold_answer IS NULL;
CREATE INDEX item_gold ON tasks.item (project_id, id) WHERE gold_answer IS NOT NULL;

-- A task handed to a labeler: one item, until expires_at. One per labeler and item, ever: a labeler who
-- answered, skipped or let an item expire is not given it again.
CREATE TABLE tasks.lease (
    id          uuid PRIMARY KEY,
    item_id     bigint      NOT NULL REFERENCES tasks.item (id),
    project_id  uuid        NOT NULL,
    labeler_id  uuid        NOT NULL,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    state       text        NOT NULL CHECK (state IN ('active', 'answered', 'skipped', 'expired')),
    UNIQUE (item_id, labeler_id)
);
CREATE INDEX lease_active_by_labeler ON tasks.lease (labeler_id) WHERE state = 'active';
CREATE INDEX lease_active_by_expiry ON tasks.lease (expires_at) WHERE state = 'active';

-- What a labeler answered. Append-only: consensus decides about answers, it does not edit them.
CREATE TABLE tasks.answer (
    id           uuid PRIMARY KEY,
    lease_id     uuid        NOT NULL UNIQUE REFERENCES tasks.lease (id),
    item_id      bigint      NOT NULL REFERENCES tasks.item (id),
    project_id   uuid        NOT NULL,
    labeler_id   uuid        NOT NULL,
    value        jsonb       NOT NULL,
    gold         boolean     NOT NULL,
    submitted_at timestamptz NOT NULL,
    duration_ms  integer     NOT NULL CHECK (duration_ms >= 0),
    UNIQUE (item_id, labeler_id)
);
CREATE INDEX answer_by_project ON tasks.answer (project_id, item_id);
CREATE INDEX answer_by_labeler ON tasks.answer (labeler_id, submitted_at DESC);
