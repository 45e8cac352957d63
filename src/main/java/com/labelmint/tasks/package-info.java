/**
 * The tasks module: items, bulk import, the assignment queue, answers, assets and export.
 *
 * <p>Other modules see only {@code com.labelmint.tasks.api}; everything else here is private to the
 * module, and its tables live in the {@code tasks} PostgreSQL schema.
 */
package com.labelmint.tasks;
