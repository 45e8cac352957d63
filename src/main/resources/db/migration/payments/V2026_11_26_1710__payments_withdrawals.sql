-- USDT withdrawals: a person asks for their balance to be sent to a TON address. The amount is held at once (a
-- pending ledger transfer user -> ton-hot-wallet, hold_transfer_id); the sender signs one jetton transfer at a
-- time and records what identifies it on chain (query id, wallet seqno, message hash, expiry) BEFORE it hands the
-- message to the network, so a restarted sender looks the message up instead of sending a second one.
CREATE SEQUENCE payments.withdrawal_query_id;

CREATE TABLE payments.withdrawal (
    id                uuid PRIMARY KEY,
    user_id           uuid        NOT NULL,
    amount            bigint      NOT NULL CHECK (amount > 0),
    currency          text        NOT NULL,
    -- as the person typed it, and the normalised raw form (0:<hex>) that the transfer is built from
    address_given     text        NOT NULL,
    address_raw       text        NOT NULL CHECK (address_raw ~ '^0:[0-9a-f]{64}$'),
    network           text        NOT NULL CHECK (network IN ('mainnet', 'testnet')),
    status            text        NOT NULL CHECK (status IN ('awaiting_approval', 'approved', 'queued', 'sending', 'sent',
                                                             'completed', 'failed', 'rejected')),
    hold_transfer_id  uuid        NOT NULL UNIQUE,
    idempotency_key   text        NOT NULL,
    -- the jetton transfer's query id: one per withdrawal for its whole life, so one withdrawal is one payout
    query_id          bigint      NOT NULL UNIQUE DEFAULT nextval('payments.withdrawal_query_id'),
    -- the current signed message; set (all together) before it is sent
    wallet_seqno      bigint,
    message_hash      text,
    message_body_hash text,
    message_boc       text,
    valid_until       timestamptz,
    signed_at         timestamptz,
    -- how many messages were signed for it (a message that expired unseen is replaced by a new one)
    attempts          int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- the hot wallet's transaction that executed the message
    tx_hash           text,
    tx_lt             bigint,
    -- shown to the person when it failed or was rejected
    failure_reason    text,
    decided_by        uuid,
    decided_at        timestamptz,
    decision_reason   text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    UNIQUE (user_id, idempotency_key),
    CHECK ((wallet_seqno IS NULL) = (message_hash IS NULL) AND (message_hash IS NULL) = (message_body_hash IS NULL)
           AND (message_body_hash IS NULL) = (message_boc IS NULL)
           AND (message_boc IS NULL) = (valid_until IS NULL) AND (valid_until IS NULL) = (signed_at IS NULL)),
    -- nothing goes out without a message recorded first, and nothing is on chain without its transaction
    CHECK (status NOT IN ('sending', 'sent') OR message_hash IS NOT NULL),
    CHECK (status NOT IN ('sent', 'completed') OR tx_hash IS NOT NULL),
    CHECK (status NOT IN ('failed', 'rejected') OR failure_reason IS NOT NULL),
    CHECK (status <> 'rejected' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (status <> 'approved' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL))
);
-- one signed message in flight at a time, whatever number of senders run: two messages never compete for the
-- hot wallet's seqno, and the next seqno is read only after the last message landed
CREATE UNIQUE INDEX withdrawal_one_in_flight ON payments.withdrawal ((true)) WHERE status = 'sending';
CREATE INDEX withdrawal_user ON payments.withdrawal (user_id, created_at DESC, id DESC);
CREATE INDEX withdrawal_status ON payments.withdrawal (status, created_at, id);
