COMMENT ON SCHEMA users IS 'LabelMint users module: profiles, roles, skills, reputation, bans';
