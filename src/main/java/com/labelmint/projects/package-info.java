/**
 * The projects module: projects, label schemas, members, budgets and settings.
 *
 * <p>Other modules see only {@code com.labelmint.projects.api}; everything else here is private to the
 * module, and its tables live in the {@code projects} PostgreSQL schema.
 */
package com.labelmint.projects;
