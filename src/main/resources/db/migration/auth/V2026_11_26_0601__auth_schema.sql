COMMENT ON SCHEMA auth IS 'LabelMint auth module: credentials, sessions, refresh tokens, Telegram identities, MFA';
