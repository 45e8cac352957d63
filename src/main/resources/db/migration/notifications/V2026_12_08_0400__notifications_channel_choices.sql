-- A person's choices, on as well as off: a channel without a row now has its kind's default
-- (NotificationKind.onByDefault), which is off for e-mail and Telegram of the per-answer kinds.
ALTER TABLE notifications.channel_off RENAME TO channel_choice;
ALTER INDEX notifications.channel_off_pkey RENAME TO channel_choice_pkey;
ALTER TABLE notifications.channel_choice ADD COLUMN enabled boolean NOT NULL DEFAULT false;
ALTER TABLE notifications.channel_choice ALTER COLUMN enabled DROP DEFAULT;
