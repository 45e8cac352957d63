-- The double-entry ledger, after TigerBeetle's model. Every movement of money is one row of payments.transfer
-- that debits one account and credits another by the same amount, so the sum of all balances per currency is
-- zero by construction. Accounts carry running totals (pending and posted, debits and credits) that the
-- transfer's transaction updates under a row lock; the reconciliation job proves them equal to the sums of the
-- transfers. Transfers are append-only: a correction is a new transfer.

CREATE TABLE payments.account (
    id            uuid PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('user', 'project-escrow', 'platform-fees', 'ton-hot-wallet')),
    -- the user or project the account belongs to; null for the platform's own accounts
    owner_id      uuid,
    currency      text        NOT NULL,
    -- the balance (credits - debits) may not go below zero: users' money, escrow, fees
    debits_must_not_exceed_credits boolean NOT NULL,
    -- the mirror: what we send out of a wallet may not exceed what came in
    credits_must_not_exceed_debits boolean NOT NULL,
    debits_pending  bigint NOT NULL DEFAULT 0 CHECK (debits_pending >= 0),
    debits_posted   bigint NOT NULL DEFAULT 0 CHECK (debits_posted >= 0),
    credits_pending bigint NOT NULL DEFAULT 0 CHECK (credits_pending >= 0),
    credits_posted  bigint NOT NULL DEFAULT 0 CHECK (credits_posted >= 0),
    created_at    timestamptz NOT NULL,
    UNIQUE (id, currency),
    CHECK (NOT (debits_must_not_exceed_credits AND credits_must_not_exceed_debits)),
    -- the last line of defence; the ledger checks first and refuses with a clear reason
    CHECK (NOT debits_must_not_exceed_credits OR debits_posted + debits_pending <= credits_posted),
    CHECK (NOT credits_must_not_exceed_debits OR credits_posted + credits_pending <= debits_posted)
);
CREATE UNIQUE INDEX account_per_owner ON payments.account (kind, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), currency);

CREATE TABLE payments.transfer (
    -- supplied by the caller: the same id twice moves money once
    id                uuid PRIMARY KEY,
    kind              text   NOT NULL CHECK (kind IN ('posted', 'pending', 'post-pending', 'void-pending')),
    debit_account_id  uuid   NOT NULL,
    credit_account_id uuid   NOT NULL,
    amount            bigint NOT NULL CHECK (amount > 0),
    currency          text   NOT NULL,
    -- for post-pending and void-pending: the pending transfer it settles (at most once, see below)
    pending_id        uuid REFERENCES payments.transfer (id),
    -- the business object behind the movement: ('answer', answer id), ('project', project id), ('withdrawal', …)
    reason_type       text   NOT NULL CHECK (reason_type ~ '^[a-z][a-z-]*$'),
    reason_id         uuid   NOT NULL,
    note              text CHECK (length(note) <= 500),
    created_at        timestamptz NOT NULL,
    -- both sides in the transfer's currency, enforced by the database and not only by the code
    FOREIGN KEY (debit_account_id, currency) REFERENCES payments.account (id, currency),
    FOREIGN KEY (credit_account_id, currency) REFERENCES payments.account (id, currency),
    CHECK (debit_account_id <> credit_account_id),
    CHECK ((pending_id IS NOT NULL) = (kind IN ('post-pending', 'void-pending')))
);
-- a pending transfer is posted or voided once, whatever races
CREATE UNIQUE INDEX transfer_settles_once ON payments.transfer (pending_id) WHERE pending_id IS NOT NULL;
CREATE INDEX transfer_debits ON payments.transfer (debit_account_id, created_at DESC, id DESC);
CREATE INDEX transfer_credits ON payments.transfer (credit_account_id, created_at DESC, id DESC);
CREATE INDEX transfer_reason ON payments.transfer (reason_type, reason_id);

CREATE FUNCTION payments.refuse_transfer_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payments.transfer is append-only: % refused; correct a transfer with a new one', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER transfer_append_only BEFORE UPDATE OR DELETE ON payments.transfer
    FOR EACH ROW EXECUTE FUNCTION payments.refuse_transfer_change();
CREATE TRIGGER transfer_no_truncate BEFORE TRUNCATE ON payments.transfer
    FOR EACH STATEMENT EXECUTE FUNCTION payments.refuse_transfer_change();
