package com.labelmint.auth.api;

/** A Telegram user as an update names them; only {@code id} and {@code firstName} are always there. */
public record TelegramProfile(long id, String firstName, String lastName, String username, String languageCode) {
}
