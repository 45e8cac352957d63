/**
 * The aggregation engine: majority vote, weighted majority vote and Dawid–Skene over integer-coded answers.
 *
 * <p>Pure Java (no CDI, no database), so that it runs the same in a request, a scheduled job or a benchmark.
 * Everything works on dense codes (task, worker and class numbers from 0) held in primitive arrays, so that a
 * million answers fit in tens of megabytes and one Dawid–Skene iteration is a few passes over flat arrays.
 * {@link com.labelmint.consensus.engine.AnswerMatrixBuilder} turns the module's own keys (item ids, labeler ids,
 * label values) into these codes and back.
 *
 * <p>Internal to the consensus module: other modules ask {@code com.labelmint.consensus.api}.
 */
package com.labelmint.consensus.engine;
