-- The transactional outbox: one row per published event, written in the publisher's transaction.
CREATE TABLE platform.outbox_event (
    id              uuid PRIMARY KEY,
    type            text        NOT NULL,
    version         integer     NOT NULL CHECK (version > 0),
    payload         jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    -- PENDING: waits for a relay; SENT: confirmed by the broker, waits for its consumer;
    -- DELIVERED: every listener handled it; FAILED: parked after too many attempts;
    -- DEAD: can never be delivered as stored (unknown type, unreadable payload).
    status          text        NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    delivered_at    timestamptz
);

-- What the relays scan: only rows still in flight, by due time.
CREATE INDEX outbox_event_due ON platform.outbox_event (next_attempt_at) WHERE status IN ('PENDING', 'SENT');
-- What operators look at: rows that need a person.
CREATE INDEX outbox_event_problems ON platform.outbox_event (recorded_at) WHERE status IN ('FAILED', 'DEAD');

-- The inbox: which listener has handled which event, written in the listener's own transaction.
CREATE TABLE platform.inbox (
    listener   text        NOT NULL,
    event_id   uuid        NOT NULL,
    handled_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (listener, event_id)
);
CREATE INDEX inbox_handled_at ON platform.inbox (handled_at);
