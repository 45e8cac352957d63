-- Each run of the reconciliation job: whether the ledger's invariants held and whether the hot wallet's ledger
-- balance matched what the chain reports. Withdrawals go out only while the latest run is clean.
CREATE TABLE payments.reconciliation (
    id                 uuid PRIMARY KEY,
    ran_at             timestamptz NOT NULL,
    clean              boolean     NOT NULL,
    violations         jsonb       NOT NULL,
    currency           text        NOT NULL,
    -- what the ledger says the hot wallet holds (deposits in minus withdrawals out, posted)
    hot_wallet_ledger  bigint      NOT NULL,
    -- what the chain says, when a chain was asked; null when no hot wallet is configured
    hot_wallet_chain   bigint,
    -- withdrawals sent but not yet final: the chain may already be short of them
    in_flight          bigint      NOT NULL
);
CREATE INDEX reconciliation_latest ON payments.reconciliation (ran_at DESC);
