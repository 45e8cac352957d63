-- Every status a withdrawal went through, for the admin console's withdrawal page. Written by a trigger, so no path
-- that moves a withdrawal (request, decision, sender, tracker, settlement) can forget it.
CREATE TABLE payments.withdrawal_status_change (
    id            bigserial   PRIMARY KEY,
    withdrawal_id uuid        NOT NULL REFERENCES payments.withdrawal (id),
    status        text        NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX withdrawal_status_change_withdrawal ON payments.withdrawal_status_change (withdrawal_id, at, id);

CREATE FUNCTION payments.record_withdrawal_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO payments.withdrawal_status_change (withdrawal_id, status, at) VALUES (NEW.id, NEW.status, NEW.updated_at);
    RETURN NULL;
END
$$;
CREATE TRIGGER withdrawal_status_recorded AFTER INSERT ON payments.withdrawal
    FOR EACH ROW EXECUTE FUNCTION payments.record_withdrawal_status();
CREATE TRIGGER withdrawal_status_changed AFTER UPDATE OF status ON payments.withdrawal
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION payments.record_withdrawal_status();

-- withdrawals made before this table: their current status is all that is known
INSERT INTO payments.withdrawal_status_change (withdrawal_id, status, at) SELECT id, status, updated_at FROM payments.withdrawal;
