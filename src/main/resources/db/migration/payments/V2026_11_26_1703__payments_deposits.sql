-- Deposits: each person sends USDT to the hot wallet with their own memo as the transfer's comment; the watcher
-- reads the hot wallet's transactions and records each deposit once per transaction hash.
CREATE TABLE payments.deposit_memo (
    user_id    uuid PRIMARY KEY,
    memo       text        NOT NULL UNIQUE CHECK (memo ~ '^[a-z0-9]{10}$'),
    created_at timestamptz NOT NULL
);

CREATE TABLE payments.deposit (
    -- the chain's transaction hash: a deposit is credited once per hash, whatever polls overlap
    tx_hash     text PRIMARY KEY,
    lt          bigint      NOT NULL,
    chain_time  timestamptz NOT NULL,
    amount      bigint      NOT NULL CHECK (amount > 0),
    currency    text        NOT NULL,
    sender      text        NOT NULL,
    comment     text,
    -- credited: to user_id by transfer_id; unmatched: no memo matched (an admin assigns it)
    status      text        NOT NULL CHECK (status IN ('credited', 'unmatched')),
    user_id     uuid,
    transfer_id uuid,
    recorded_at timestamptz NOT NULL,
    CHECK ((status = 'credited') = (user_id IS NOT NULL AND transfer_id IS NOT NULL))
);
CREATE INDEX deposit_unmatched ON payments.deposit (recorded_at) WHERE status = 'unmatched';
CREATE INDEX deposit_user ON payments.deposit (user_id, recorded_at DESC);

-- How far a watcher has read an account's transactions (logical time and hash of the newest one handled).
CREATE TABLE payments.chain_cursor (
    name       text PRIMARY KEY,
    lt         bigint      NOT NULL,
    hash       text        NOT NULL,
    updated_at timestamptz NOT NULL
);
