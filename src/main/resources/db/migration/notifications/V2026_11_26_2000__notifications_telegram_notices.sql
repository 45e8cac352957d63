-- Notifications sent through the bot: a notification's delivery is queued once, whatever its retries do (a
-- delivery whose queueing committed but whose outcome was not recorded is queued again, and conflicts here).
ALTER TABLE notifications.telegram_outgoing ADD COLUMN notification_delivery uuid UNIQUE;
