-- A labeler's current score, overall (skill '*') and per skill, with the counts it was computed from.
CREATE TABLE users.reputation (
    account_id      uuid             NOT NULL REFERENCES users.account (id),
    skill           text             NOT NULL CHECK (skill = '*' OR skill ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    score           double precision NOT NULL CHECK (score BETWEEN 0 AND 1),
    gold_answers    bigint           NOT NULL CHECK (gold_answers >= 0),
    gold_correct    bigint           NOT NULL CHECK (gold_correct BETWEEN 0 AND gold_answers),
    decided_answers bigint           NOT NULL CHECK (decided_answers >= 0),
    agreed_answers  bigint           NOT NULL CHECK (agreed_answers BETWEEN 0 AND decided_answers),
    disputes_lost   bigint           NOT NULL CHECK (disputes_lost >= 0),
    measured_at     timestamptz      NOT NULL,
    PRIMARY KEY (account_id, skill)
);

-- Every move of a score. Append-only: history that can be edited is not history.
CREATE TABLE users.reputation_history (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      uuid             NOT NULL REFERENCES users.account (id),
    skill           text             NOT NULL,
    previous_score  double precision,
    score           double precision NOT NULL,
    measured_at     timestamptz      NOT NULL,
    caused_by_event uuid             NOT NULL,
    recorded_at     timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX reputation_history_by_account ON users.reputation_history (account_id, id DESC);

CREATE FUNCTION users.refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'users.reputation_history is append-only';
END;
$$;
CREATE TRIGGER reputation_history_append_only BEFORE UPDATE OR DELETE ON users.reputation_history
    FOR EACH ROW EXECUTE FUNCTION users.refuse_history_change();
