COMMENT ON SCHEMA tasks IS 'LabelMint tasks module: items, imports, assignment queue, answers, assets, exports';
