-- E-mail and password sign-in. The e-mail is stored lower-cased; the hash is bcrypt.
CREATE TABLE auth.credential (
    account_id    uuid PRIMARY KEY,
    email         text        NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A sign-in and everything refreshed from it (the "family" of its refresh tokens).
CREATE TABLE auth.session (
    id            uuid PRIMARY KEY,
    account_id    uuid        NOT NULL,
    -- whether the sign-in passed a second factor: refreshed tokens keep what it earned
    second_factor boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz,
    revoke_reason text
);
CREATE INDEX session_account ON auth.session (account_id) WHERE revoked_at IS NULL;

-- Refresh tokens are opaque; only their SHA-256 is kept. Each is used once: a second use means
-- it was stolen, and the whole session is revoked.
CREATE TABLE auth.refresh_token (
    token_hash bytea PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES auth.session (id),
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_token_session ON auth.refresh_token (session_id);
