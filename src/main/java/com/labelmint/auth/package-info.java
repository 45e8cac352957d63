/**
 * The auth module: credentials, sessions, JWT issuing, Telegram login and MFA.
 *
 * <p>Other modules see only {@code com.labelmint.auth.api}; everything else here is private to the
 * module, and its tables live in the {@code auth} PostgreSQL schema.
 */
package com.labelmint.auth;
