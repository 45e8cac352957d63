-- One posted transfer, as the SQL Ledger.transfer sends for it (payments/ledger/Ledger.java: FIND, LOCK_ACCOUNTS, INSERT,
-- UPDATE_ACCOUNT twice, in that order, in one transaction), one pgbench client per ledger client, and as many round
-- trips: BEGIN goes with the first statement in one pipeline, as the JDBC driver sends it.
-- Differences, all small (see README.md):
-- - ids: run.sh opens account n with id md5('labelmint-bench-account-' || n)::uuid, so that pgbench, which has only
--   integers, names an account by its number; the transfer id is md5 of a random 62-bit integer. The caller of
--   Ledger.transfer has its uuids in memory; here each id costs the server an md5 of a short text;
-- - the Ledger computes the new totals in Java from the locked rows and checks the account's limit before writing;
--   here the UPDATEs add the amount in SQL (the rows are locked, so the result is the same) and nothing is checked in
--   the client: the amounts are small against the funding, and the table's CHECK constraints stay as in the app;
-- - created_at is now() instead of the Java clock; the reason is ('bench', the transfer id).
-- Variables from run.sh: -D accounts=ACCOUNTS -D hot=0|1 -D max_amount=MAX_AMOUNT

-- credit: a random user; debit: another random user, or the project escrow (account number 0) when hot
\set c random(1, :accounts)
\if :hot
\set a 0
\else
\set a random(1, :accounts - 1)
\set a :a + case when :a >= :c then 1 else 0 end
\endif
\set amount random(1, :max_amount)
\set t random(0, 4611686018427387903)

\startpipeline
BEGIN;
SELECT id, kind, debit_account_id, credit_account_id, amount, currency, pending_id, reason_type, reason_id, note, created_at FROM payments.transfer WHERE id = md5(:t::text)::uuid;
\endpipeline
SELECT id, kind, owner_id, currency, debits_pending, debits_posted, credits_pending, credits_posted FROM payments.account WHERE id IN (md5('labelmint-bench-account-' || :a::text)::uuid, md5('labelmint-bench-account-' || :c::text)::uuid) ORDER BY id FOR UPDATE;
INSERT INTO payments.transfer (id, kind, debit_account_id, credit_account_id, amount, currency, pending_id, reason_type, reason_id, note, created_at
            ) VALUES (md5(:t::text)::uuid, 'posted', md5('labelmint-bench-account-' || :a::text)::uuid, md5('labelmint-bench-account-' || :c::text)::uuid, :amount, 'USDT', NULL, 'bench', md5(:t::text)::uuid, NULL, now()) ON CONFLICT (id) DO NOTHING;
UPDATE payments.account SET debits_pending = debits_pending, debits_posted = debits_posted + :amount, credits_pending = credits_pending, credits_posted = credits_posted WHERE id = md5('labelmint-bench-account-' || :a::text)::uuid;
UPDATE payments.account SET debits_pending = debits_pending, debits_posted = debits_posted, credits_pending = credits_pending, credits_posted = credits_posted + :amount WHERE id = md5('labelmint-bench-account-' || :c::text)::uuid;
COMMIT;
