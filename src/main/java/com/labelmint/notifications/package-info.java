/**
 * The notifications module: the Telegram bot (webhook in, messages out), e-mail and in-app notifications.
 *
 * <p>Other modules see only {@code com.labelmint.notifications.api}; everything else here is private to the
 * module, and its tables live in the {@code notifications} PostgreSQL schema.
 */
package com.labelmint.notifications;
