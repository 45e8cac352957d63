/**
 * The Telegram Mini App: one Qute page at {@code /app} and a small plain script that signs in with Telegram's
 * {@code initData} and labels through the public REST API (docs/decisions/mini-app.md). A client of the API like
 * any other: it calls no module's code.
 */
package com.labelmint.miniapp;
