-- The sender claims the oldest pending call (ORDER BY id). Without an index of pending calls in id order it walked the
-- primary key through every call already sent before the first pending one: 53 ms a claim over 200 000 sent calls
-- and 20 000 pending, 0.7 ms with this index (bench/RESULTS.md, "Telegram sender claim").
CREATE INDEX telegram_outgoing_pending_order ON notifications.telegram_outgoing (id) WHERE state = 'pending';
