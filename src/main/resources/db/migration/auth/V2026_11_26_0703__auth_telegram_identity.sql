-- A Telegram account that signs in as a LabelMint account (Mini App initData or Login Widget).
CREATE TABLE auth.telegram_identity (
    telegram_user_id bigint PRIMARY KEY,
    account_id       uuid        NOT NULL UNIQUE,
    username         text,
    linked_at        timestamptz NOT NULL DEFAULT now()
);
