-- Referral deep links (t.me/<bot>?start=ref_<code>): each account's code, made the first time it is asked for, and
-- who brought an account, recorded once, when a new Telegram user first arrives through someone's link.
ALTER TABLE users.account
    ADD COLUMN referral_code text UNIQUE CHECK (referral_code ~ '^[a-z0-9]{12}$'),
    ADD COLUMN referred_by   uuid REFERENCES users.account (id),
    ADD COLUMN referred_at   timestamptz,
    ADD CONSTRAINT account_not_self_referred CHECK (referred_by <> id),
    ADD CONSTRAINT account_referral_dated CHECK ((referred_by IS NULL) = (referred_at IS NULL));

-- a referrer's count of the people they brought
CREATE INDEX account_referred_by ON users.account (referred_by) WHERE referred_by IS NOT NULL;
