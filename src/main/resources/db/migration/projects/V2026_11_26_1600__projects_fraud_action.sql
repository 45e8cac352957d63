-- What happens to a labeler consensus flags as unreliable in the project: warned only, excluded from it, or
-- excluded and put before an admin for a ban.
ALTER TABLE projects.project
    ADD COLUMN fraud_action text NOT NULL DEFAULT 'exclude' CHECK (fraud_action IN ('warn', 'exclude', 'request_ban'));
