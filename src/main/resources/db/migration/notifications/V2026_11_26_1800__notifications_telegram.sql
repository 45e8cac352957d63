-- The Telegram bot: updates in, messages out, the cards it labels with, and account link tokens.

-- Every update Telegram delivered, once: Telegram retries until it gets a 2xx, the primary key makes a repeat a no-op.
-- The row is written before the webhook answers; an event in the same transaction gets it handled after commit.
CREATE TABLE notifications.telegram_update (
    update_id   bigint PRIMARY KEY,
    payload     jsonb       NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    handled_at  timestamptz
);

-- A private chat the bot writes to: whether the user blocked the bot, and when the next message may go (Telegram
-- allows about one a second per chat). Locked by the sender while it sends, so one chat is served by one worker.
CREATE TABLE notifications.telegram_chat (
    chat_id      bigint PRIMARY KEY,
    blocked_at   timestamptz,
    next_send_at timestamptz NOT NULL DEFAULT now()
);

-- Bot API calls waiting to be made, in order per chat. 'paced' calls (new messages) count against the chat's
-- limit; replies to a button press and edits do not wait for it.
CREATE TABLE notifications.telegram_outgoing (
    id              bigserial PRIMARY KEY,
    chat_id         bigint      NOT NULL REFERENCES notifications.telegram_chat,
    method          text        NOT NULL,
    params          jsonb       NOT NULL,
    paced           boolean     NOT NULL,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX telegram_outgoing_pending ON notifications.telegram_outgoing (chat_id, id) WHERE state = 'pending';

-- A task shown in a chat with its buttons. Buttons carry only the card's random id and an action, so what a button
-- does is decided here, for the user, chat and lease the card was made for, never by the data the device sends.
CREATE TABLE notifications.telegram_card (
    id               text PRIMARY KEY,
    chat_id          bigint      NOT NULL,
    telegram_user_id bigint      NOT NULL,
    account_id       uuid        NOT NULL,
    lease_id         uuid        NOT NULL,
    options          jsonb       NOT NULL,
    multiple         boolean     NOT NULL,
    min_selected     integer     NOT NULL,
    max_selected     integer     NOT NULL,
    selected         text[]      NOT NULL DEFAULT '{}',
    photo            boolean     NOT NULL,
    state            text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'answered', 'skipped', 'closed')),
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- One-time tokens that link a Telegram user to a signed-in web account through /start <token>; only their hash is kept.
CREATE TABLE notifications.telegram_link_token (
    token_hash bytea PRIMARY KEY,
    account_id uuid        NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
