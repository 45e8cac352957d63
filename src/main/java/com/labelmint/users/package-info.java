/**
 * The users module: profiles, roles, skills, reputation and bans.
 *
 * <p>Other modules see only {@code com.labelmint.users.api}; everything else here is private to the
 * module, and its tables live in the {@code users} PostgreSQL schema.
 */
package com.labelmint.users;
