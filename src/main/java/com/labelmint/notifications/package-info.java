/**
 * The notifications module: the Telegram bot (webhook in, messages out), e-mail and in-app notifications, and clients'
 * webhooks.
 *
 * <p>{@code notice} turns other modules' events into stored notifications; {@code delivery} sends them through every
 * {@code NotificationChannel} bean ({@code inapp}, {@code email}; Telegram is one more) with retries; {@code preference}
 * holds what each person wants and their quiet hours; {@code follow} digests "tasks available" for followed projects;
 * {@code budget} tells clients when a project's budget runs low; {@code webhook} signs and delivers project events to
 * clients' endpoints.
 *
 * <p>Other modules see only {@code com.labelmint.notifications.api}; everything else here is private to the
 * module, and its tables live in the {@code notifications} PostgreSQL schema.
 */
package com.labelmint.notifications;
