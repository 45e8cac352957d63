package com.labelmint.consensus.fraud;

/**
 * What is typical of a project's answers, over its latest ones.
 *
 * @param answers how many answers it was measured over
 * @param medianDurationMs their (lower) median duration
 * @param topValueShare the share of the most common answer among them
 */
record CrowdBaseline(int answers, long medianDurationMs, double topValueShare) {
}
