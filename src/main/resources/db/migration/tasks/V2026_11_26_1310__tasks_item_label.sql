-- The label consensus decided for an item (consensus.ItemLabelled), kept beside the item so that an export reads
-- items, answers and labels from this schema in one pass.
ALTER TABLE tasks.item
    ADD COLUMN label            jsonb,
    ADD COLUMN label_confidence double precision,
    ADD COLUMN label_method     text;
