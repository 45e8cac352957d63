-- Receipts of synthetic canary events: how operators (and the process-level tests and the
-- benchmark) see the bus deliver end to end. Deliberately without a unique key, so that a
-- duplicate delivery would show up here instead of being hidden by a constraint.
CREATE TABLE platform.event_canary_receipt (
    event_id    uuid        NOT NULL,
    batch_id    uuid        NOT NULL,
    sequence    integer     NOT NULL,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX event_canary_receipt_batch ON platform.event_canary_receipt (batch_id);
