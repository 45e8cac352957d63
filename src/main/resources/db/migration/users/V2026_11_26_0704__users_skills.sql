-- What a person is good at: a tag (for example "medical-images", "ru") and a level from 1 to 5.
CREATE TABLE users.skill (
    account_id uuid    NOT NULL REFERENCES users.account (id),
    tag        text    NOT NULL CHECK (tag ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    level      integer NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (account_id, tag)
);
