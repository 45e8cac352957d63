-- How far each project has come, counted from the task queue's events so that reading it is one row.
CREATE TABLE projects.progress (
    project_id    uuid PRIMARY KEY REFERENCES projects.project (id) ON DELETE CASCADE,
    items         bigint      NOT NULL DEFAULT 0 CHECK (items >= 0),
    gold_items    bigint      NOT NULL DEFAULT 0 CHECK (gold_items >= 0),
    answers       bigint      NOT NULL DEFAULT 0 CHECK (answers >= 0),
    items_answered bigint     NOT NULL DEFAULT 0 CHECK (items_answered >= 0),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
