-- TOTP second factor (RFC 6238). A secret is pending until a first code confirms it.
-- last_used_step stops a code from being replayed within its 30-second window.
CREATE TABLE auth.totp (
    account_id     uuid PRIMARY KEY,
    secret         text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    confirmed_at   timestamptz,
    last_used_step bigint      NOT NULL DEFAULT 0
);

-- Single-use recovery codes, kept as SHA-256 only.
CREATE TABLE auth.recovery_code (
    account_id uuid  NOT NULL,
    code_hash  bytea NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);
