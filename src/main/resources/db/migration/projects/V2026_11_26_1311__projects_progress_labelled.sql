-- Items consensus has labelled (consensus.ItemLabelled): with items_answered, how many are still in consensus.
ALTER TABLE projects.progress ADD COLUMN items_labelled bigint NOT NULL DEFAULT 0 CHECK (items_labelled >= 0);
