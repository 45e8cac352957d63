-- The last Dawid–Skene pass over a project's answers: the class priors and each labeler's confusion matrix as
-- logarithms in the engine's flat layout (DawidSkeneModel), labelers in model-code order. Items decided after it
-- are scored with it; a newer pass replaces it.
CREATE TABLE consensus.project_model (
    project_id     uuid PRIMARY KEY,
    fitted_at      timestamptz        NOT NULL,
    answers        integer            NOT NULL,
    items          integer            NOT NULL,
    iterations     integer            NOT NULL,
    converged      boolean            NOT NULL,
    log_likelihood double precision   NOT NULL,
    class_count    integer            NOT NULL CHECK (class_count >= 1),
    labelers       uuid[]             NOT NULL,
    log_priors     double precision[] NOT NULL,
    log_confusion  double precision[] NOT NULL,
    CHECK (cardinality(log_priors) = class_count),
    CHECK (cardinality(log_confusion) = cardinality(labelers) * class_count * class_count)
);
