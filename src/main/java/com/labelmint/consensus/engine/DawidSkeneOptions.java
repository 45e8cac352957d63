package com.labelmint.consensus.engine;

/**
 * Settings of {@link DawidSkene}.
 *
 * @param smoothing pseudo-count added to every cell of every confusion matrix in each M-step (a symmetric
 *        Dirichlet prior of {@code smoothing + 1}), so that a worker seen a few times is not taken as perfect or as
 *        always wrong; 0 is plain maximum likelihood
 * @param tolerance stop when an iteration raises the log-likelihood by less than this fraction of its size;
 *        0 never stops early (exactly {@code maxIterations} iterations, as the benchmark wants)
 * @param maxIterations upper bound on EM iterations (E-steps)
 * @param partitions task ranges each iteration is split into; each range has its own sums, added in range order,
 *        so the result depends on this number but never on threads or timing. Above 1, the ranges of a large
 *        input run in parallel
 */
public record DawidSkeneOptions(double smoothing, double tolerance, int maxIterations, int partitions) {

    public DawidSkeneOptions {
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("smoothing must be finite and ≥ 0");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be ≥ 0");
        }
        if (maxIterations < 1 || partitions < 1) {
            throw new IllegalArgumentException("maxIterations and partitions must be ≥ 1");
        }
    }

    /**
     * One pseudo-count, 1e-7 relative tolerance, at most 100 iterations, one range: on the shared 2-core machine
     * two ranges never shortened the wall time (bench/RESULTS.md, consensus) and took the second core from
     * everything else.
     */
    public static DawidSkeneOptions defaults() {
        return new DawidSkeneOptions(1.0, 1e-7, 100, 1);
    }

    public DawidSkeneOptions withSmoothing(double value) {
        return new DawidSkeneOptions(value, tolerance, maxIterations, partitions);
    }

    public DawidSkeneOptions withTolerance(double value) {
        return new DawidSkeneOptions(smoothing, value, maxIterations, partitions);
    }

    public DawidSkeneOptions withMaxIterations(int value) {
        return new DawidSkeneOptions(smoothing, tolerance, value, partitions);
    }

    public DawidSkeneOptions withPartitions(int value) {
        return new DawidSkeneOptions(smoothing, tolerance, maxIterations, value);
    }
}
