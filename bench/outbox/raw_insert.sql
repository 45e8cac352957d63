-- Baseline for the outbox benchmark: one row of the same shape OutboxEventPublisher writes for a
-- canary event (gen_random_uuid() id, the canary's type, version 1, a jsonb payload of the same
-- fields and about the same size, now()). run.sh wraps K copies of this file in one BEGIN/COMMIT,
-- so a pgbench transaction is K single-row INSERT round trips and one commit, like the app's.
\set seq random(0, 999999)
INSERT INTO platform.outbox_event (id, type, version, payload, occurred_at)
VALUES (gen_random_uuid(), 'platform.EventCanary', 1,
        jsonb_build_object('eventId', gen_random_uuid(), 'occurredAt', now(),
                           'batchId', '00000000-0000-4000-8000-00000000beef'::uuid, 'sequence', (:seq)::int),
        now());
