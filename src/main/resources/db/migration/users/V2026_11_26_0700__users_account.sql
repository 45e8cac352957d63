CREATE TABLE users.account (
    id                uuid PRIMARY KEY,
    display_name      text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    roles             text[]      NOT NULL CHECK (roles <@ ARRAY['client', 'labeler', 'reviewer', 'admin']),
    language          text        NOT NULL DEFAULT 'en',
    timezone          text        NOT NULL DEFAULT 'UTC',
    telegram_username text,
    banned_until      timestamptz,
    ban_reason        text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
