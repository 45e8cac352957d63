COMMENT ON SCHEMA consensus IS 'LabelMint consensus module: aggregation, gold items, reviews, disputes, labeler quality';
