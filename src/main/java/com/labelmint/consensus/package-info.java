/**
 * The consensus module: aggregation of answers, gold items, reviews, disputes and labeler quality.
 *
 * <p>Other modules see only {@code com.labelmint.consensus.api}; everything else here is private to the
 * module, and its tables live in the {@code consensus} PostgreSQL schema.
 */
package com.labelmint.consensus;
