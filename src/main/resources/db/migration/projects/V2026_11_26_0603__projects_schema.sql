COMMENT ON SCHEMA projects IS 'LabelMint projects module: projects, label schemas, members, budgets, settings';
