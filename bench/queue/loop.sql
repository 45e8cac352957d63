-- One labeler's next -> answer, as the SQL the app sends for it (captured with log_statement = all from
-- POST /api/v1/tasks/next and POST /api/v1/tasks/{leaseId}/answer), one pgbench client per labeler.
-- Differences, all small: ids, times and the duration are made here (gen_random_uuid(), now(), random) instead of
-- in Java; the event payloads are fixed texts of the app's shape and size (-D payload_answer, payload_full); BEGIN
-- is a round trip of its own (the JDBC driver sends it with the first statement); the outbox relay's delivery
-- after commit is not reproduced (see README.md); and the access token's session check is left out: the app reads
-- a session once per labelmint.auth.session-check-cache (15 s) at most, not per request (before 2026-12-07 this
-- script read it before each of the two requests, one read-only transaction each).
-- Variables from run.sh: -D skills='{}' -D answer='{"value":"positive"}' -D payload_answer=... -D payload_full=...

-- POST /tasks/next. The labeler of this client (bench.labeler, filled by run.sh): the one statement that is the
-- script's own, a primary-key read outside any transaction.
SELECT account_id FROM bench.labeler WHERE n = :client_id \gset s_
-- TaskQueue.next
BEGIN;
SELECT CASE WHEN a.banned_until > now() THEN a.banned_until END, ARRAY(SELECT s.tag FROM users.skill s WHERE s.account_id = a.id)
    FROM users.account a WHERE a.id = :s_account_id;
SELECT pg_advisory_xact_lock(1952543595, hashtext(:s_account_id));
SELECT l.id, l.item_id, l.project_id, l.issued_at, l.expires_at, l.state, i.data::text
    FROM tasks.lease l JOIN tasks.item i ON i.id = l.item_id JOIN tasks.project p ON p.id = l.project_id
    WHERE l.labeler_id = :s_account_id AND l.state = 'active' AND l.expires_at > now() AND p.status = 'active'
    ORDER BY l.issued_at LIMIT 1;
SELECT id, version, name, instructions, schema::text, lease_seconds, gold_rate FROM tasks.project p
    WHERE status = 'active' AND (open_to_all OR :s_account_id = ANY (allowed_labelers)) AND required_skills <@ :skills
      AND NOT EXISTS (SELECT 1 FROM tasks.exclusion x WHERE x.labeler_id = :s_account_id AND x.project_id = p.id)
    ORDER BY priority DESC, id \gset p_
SELECT i.id, i.data::text FROM tasks.item i
    WHERE i.project_id = ANY (ARRAY[:p_id::uuid]) AND i.state = 'open' AND i.gold_answer IS NULL
      AND NOT EXISTS (SELECT 1 FROM tasks.lease l WHERE l.item_id = i.id AND l.labeler_id = :s_account_id)
    ORDER BY i.project_id, i.id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED \gset i_
UPDATE tasks.item SET leases_active = leases_active + 1 WHERE id = :i_id;
INSERT INTO tasks.lease (id, item_id, project_id, labeler_id, issued_at, expires_at, state)
    VALUES (gen_random_uuid(), :i_id, :p_id, :s_account_id, now(), now() + make_interval(secs => :p_lease_seconds), 'active')
    RETURNING id, issued_at, expires_at \gset l_
COMMIT;

-- POST /tasks/{leaseId}/answer: TaskAnswers.answer.
\set duration_ms random(1000, 20000)
BEGIN;
SELECT l.item_id, l.project_id, l.issued_at, l.expires_at, l.state, l.expires_at <= now(), i.gold_answer::text
    FROM tasks.lease l JOIN tasks.item i ON i.id = l.item_id
    WHERE l.id = :l_id AND l.labeler_id = :s_account_id FOR UPDATE OF l;
SELECT id, version, name, instructions, schema::text, lease_seconds, gold_rate FROM tasks.project WHERE id = :p_id;
INSERT INTO tasks.answer (id, lease_id, item_id, project_id, labeler_id, value, gold, submitted_at, duration_ms)
    VALUES (gen_random_uuid(), :l_id, :i_id, :p_id, :s_account_id, cast(:answer AS jsonb), false, now(), :duration_ms);
UPDATE tasks.lease SET state = 'answered' WHERE id = :l_id;
INSERT INTO platform.outbox_event (id, type, version, payload, occurred_at) VALUES (gen_random_uuid(), 'tasks.AnswerSubmitted', 1, :payload_answer::jsonb, now());
UPDATE tasks.item SET leases_active = leases_active - 1, answers_count = answers_count + 1
    WHERE id = :i_id RETURNING answers_count, state \gset c_
-- the answer that completes the item (answers_needed is 3 for every bench item) sends it to consensus
\if :c_answers_count >= 3
INSERT INTO platform.outbox_event (id, type, version, payload, occurred_at) VALUES (gen_random_uuid(), 'tasks.ItemFullyAnswered', 1, :payload_full::jsonb, now());
\endif
COMMIT;
