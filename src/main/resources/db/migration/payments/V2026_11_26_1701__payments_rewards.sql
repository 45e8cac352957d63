-- Where each answer's reward stands. The ledger moves the money; this row says which movement is due next, so
-- every event about an answer (submitted, accepted, rejected, turned by a dispute) moves money at most once,
-- whatever order the events arrive in and however often they are delivered.
CREATE TABLE payments.answer_reward (
    answer_id  uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    labeler_id uuid        NOT NULL,
    currency   text        NOT NULL,
    gross      bigint      NOT NULL CHECK (gross > 0),
    -- the platform's part of gross, fixed when the reward is first seen
    fee        bigint      NOT NULL CHECK (fee >= 0 AND fee < gross),
    -- held: the gross is reserved in escrow (a pending transfer); unfunded: escrow could not reserve it;
    -- paid; owed: accepted while escrow was short, paid when the client funds the project; void: rejected;
    -- clawed-back: paid, then turned by a dispute and taken back
    state      text        NOT NULL CHECK (state IN ('held', 'unfunded', 'paid', 'owed', 'void', 'clawed-back')),
    hold_id    uuid,
    -- how many times the reward was paid: a dispute may turn an answer back and forth, each turn a new movement
    times_paid int         NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL,
    CHECK ((state = 'held') = (hold_id IS NOT NULL))
);
CREATE INDEX answer_reward_owed ON payments.answer_reward (project_id, updated_at) WHERE state = 'owed';

-- A clawback that found less on the labeler's balance than it had to take: recorded, never forced below zero.
CREATE TABLE payments.clawback_shortfall (
    id          uuid PRIMARY KEY,
    answer_id   uuid        NOT NULL,
    project_id  uuid        NOT NULL,
    labeler_id  uuid        NOT NULL,
    currency    text        NOT NULL,
    amount      bigint      NOT NULL CHECK (amount > 0),
    recorded_at timestamptz NOT NULL
);
CREATE INDEX clawback_shortfall_labeler ON payments.clawback_shortfall (labeler_id);

-- A project whose client got the unspent escrow back: later releases (voided holds) go back to the client too.
CREATE TABLE payments.closed_escrow (
    project_id uuid PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    closed_at  timestamptz NOT NULL
);
