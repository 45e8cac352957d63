COMMENT ON SCHEMA admin IS 'LabelMint admin console: its cookie sessions and the audit log of admin actions';

-- Console sessions. The cookie carries a random id; only its SHA-256 is stored, so a copy of this table
-- signs nobody in. The CSRF token is the session's synchronizer token, echoed by every form.
CREATE TABLE admin.console_session (
    id_hash       text        PRIMARY KEY,
    account_id    uuid        NOT NULL,
    -- the sign-in passed TOTP: only such a session may use the admin role
    second_factor boolean     NOT NULL,
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    -- the absolute end, however active the session is
    expires_at    timestamptz NOT NULL,
    ended_at      timestamptz
);
CREATE INDEX console_session_account ON admin.console_session (account_id);

-- Every admin action: who, when, what, to which object, and the object before and after.
CREATE TABLE admin.audit_entry (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor_id    uuid        NOT NULL,
    action      text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    reason      text,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_entry_actor ON admin.audit_entry (actor_id, id DESC);
CREATE INDEX audit_entry_target ON admin.audit_entry (target_type, target_id, id DESC);

-- Append-only: the log is evidence, so even the application's own database user cannot rewrite or delete it.
CREATE FUNCTION admin.audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin.audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON admin.audit_entry
    FOR EACH ROW EXECUTE FUNCTION admin.audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON admin.audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION admin.audit_entry_is_append_only();
