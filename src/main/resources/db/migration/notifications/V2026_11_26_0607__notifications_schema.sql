COMMENT ON SCHEMA notifications IS 'LabelMint notifications module: Telegram bot, e-mail, in-app messages';
