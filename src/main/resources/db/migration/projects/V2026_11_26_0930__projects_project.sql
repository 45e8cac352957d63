-- A client's labeling project: what to label (schema), how (settings), and where it is in its life.
CREATE TABLE projects.project (
    id                   uuid PRIMARY KEY,
    owner_id             uuid             NOT NULL,
    name                 text             NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description          text             NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    status               text             NOT NULL CHECK (status IN ('draft', 'active', 'paused', 'completed', 'archived')),
    schema               jsonb            NOT NULL,
    instructions         text             NOT NULL DEFAULT '' CHECK (length(instructions) <= 50000),
    overlap              integer          NOT NULL CHECK (overlap BETWEEN 1 AND 15),
    max_overlap          integer          NOT NULL CHECK (max_overlap BETWEEN overlap AND 15),
    reward_units         bigint           NOT NULL CHECK (reward_units >= 0),
    reward_currency      text             NOT NULL CHECK (reward_currency = 'USDT'),
    lease_seconds        integer          NOT NULL CHECK (lease_seconds BETWEEN 30 AND 86400),
    gold_rate            double precision NOT NULL CHECK (gold_rate BETWEEN 0 AND 0.5),
    priority             integer          NOT NULL CHECK (priority BETWEEN 0 AND 100),
    deadline             timestamptz,
    required_skills      text[]           NOT NULL DEFAULT '{}',
    aggregation          text             NOT NULL CHECK (aggregation IN ('mv', 'wmv', 'ds')),
    acceptance_threshold double precision NOT NULL CHECK (acceptance_threshold BETWEEN 0.5 AND 1),
    review_required      boolean          NOT NULL DEFAULT false,
    labeler_access       text             NOT NULL CHECK (labeler_access IN ('open', 'allow-list')),
    version              bigint           NOT NULL,
    created_at           timestamptz      NOT NULL,
    updated_at           timestamptz      NOT NULL
);
CREATE INDEX project_by_owner ON projects.project (owner_id, created_at DESC, id DESC);

-- Who works on a project besides its owner.
CREATE TABLE projects.member (
    project_id uuid NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    account_id uuid NOT NULL,
    role       text NOT NULL CHECK (role IN ('co-owner', 'reviewer', 'labeler')),
    PRIMARY KEY (project_id, role, account_id)
);
CREATE INDEX member_by_account ON projects.member (account_id);
