-- A notification: what happened, for whom, with the parameters its templates need. The same source (an event and a
-- kind, for one person) gives one notification however often it arrives.
CREATE TABLE notifications.notification (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL,
    params     jsonb       NOT NULL,
    dedup_key  text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz,
    UNIQUE (user_id, dedup_key)
);
-- the in-app list, newest first, and the unread count
CREATE INDEX notification_by_user ON notifications.notification (user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread ON notifications.notification (user_id) WHERE read_at IS NULL;

-- One row per notification and channel (the unique pair is the deduplication): the worker claims due pending rows,
-- retries with backoff, and parks a row as failed after the last attempt.
CREATE TABLE notifications.delivery (
    id              uuid PRIMARY KEY,
    notification_id uuid        NOT NULL REFERENCES notifications.notification (id) ON DELETE CASCADE,
    channel         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    UNIQUE (notification_id, channel)
);
CREATE INDEX delivery_due ON notifications.delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_failed ON notifications.delivery (created_at DESC, id DESC) WHERE status = 'failed';

-- Channels a person switched off for a kind (everything not listed is on), and their quiet hours (local time, in the
-- timezone of their profile; start after end spans midnight).
CREATE TABLE notifications.channel_off (
    user_id uuid NOT NULL,
    kind    text NOT NULL,
    channel text NOT NULL,
    PRIMARY KEY (user_id, kind, channel)
);
CREATE TABLE notifications.quiet_hours (
    user_id uuid PRIMARY KEY,
    starts  time NOT NULL,
    ends    time NOT NULL CHECK (ends <> starts)
);

-- Projects a labeler follows for "tasks available", and the digest that gathers those notices for one window.
CREATE TABLE notifications.follow (
    user_id    uuid        NOT NULL,
    project_id uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, project_id)
);
CREATE INDEX follow_by_project ON notifications.follow (project_id);
CREATE TABLE notifications.task_digest (
    user_id     uuid        PRIMARY KEY,
    opened_at   timestamptz NOT NULL,
    closes_at   timestamptz NOT NULL,
    -- {"<projectId>": {"name": "...", "items": n}}
    projects    jsonb       NOT NULL
);
CREATE INDEX task_digest_due ON notifications.task_digest (closes_at);

-- What a project's remaining work will cost, as the events tell it, and whether its client was told the budget is low
-- (told once per crossing: the flag clears when the budget is back above the threshold).
CREATE TABLE notifications.project_budget (
    project_id  uuid PRIMARY KEY,
    items       bigint  NOT NULL DEFAULT 0,
    answers     bigint  NOT NULL DEFAULT 0,
    low         boolean NOT NULL DEFAULT false
);
