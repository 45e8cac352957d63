-- A client's HTTPS endpoint for a project's events, signed with its own secret (HMAC-SHA256).
CREATE TABLE notifications.webhook (
    id         uuid PRIMARY KEY,
    project_id uuid        NOT NULL,
    url        text        NOT NULL,
    secret     text        NOT NULL,
    events     text[]      NOT NULL CHECK (cardinality(events) > 0),
    created_by uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_by_project ON notifications.webhook (project_id, created_at);

-- One event for one endpoint; a redelivery is a new row pointing at the delivery it repeats. Retried with backoff
-- until give_up_at, then failed.
CREATE TABLE notifications.webhook_delivery (
    id              uuid PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES notifications.webhook (id) ON DELETE CASCADE,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    give_up_at      timestamptz NOT NULL,
    last_status     int,
    created_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    redelivery_of   uuid REFERENCES notifications.webhook_delivery (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX webhook_delivery_once ON notifications.webhook_delivery (webhook_id, event_id) WHERE redelivery_of IS NULL;
CREATE INDEX webhook_delivery_due ON notifications.webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_by_webhook ON notifications.webhook_delivery (webhook_id, created_at DESC, id DESC);

-- Every attempt: when, the HTTP status the endpoint answered (null when none: refused, timed out, unreachable), why.
CREATE TABLE notifications.webhook_attempt (
    id           bigserial PRIMARY KEY,
    delivery_id  uuid        NOT NULL REFERENCES notifications.webhook_delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz NOT NULL,
    status_code  int,
    error        text,
    duration_ms  int         NOT NULL
);
CREATE INDEX webhook_attempt_by_delivery ON notifications.webhook_attempt (delivery_id, id);
