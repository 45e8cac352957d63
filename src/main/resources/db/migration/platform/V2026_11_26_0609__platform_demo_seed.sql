-- One row once the demo data has been seeded into this database, so restarts never seed twice.
CREATE TABLE platform.demo_seed (
    id        integer PRIMARY KEY CHECK (id = 1),
    seeded_at timestamptz NOT NULL DEFAULT now()
);
