-- A labeler's own leases, item by item: the next-task pick asks "was this item ever given to this labeler?" for each
-- candidate. With only the unique (item_id, labeler_id) index the planner answered it by reading all leases (a
-- sequential scan, or the whole index), a cost that grows with every lease handed out; this index makes it one probe.
CREATE INDEX lease_by_labeler ON tasks.lease (labeler_id, item_id);
