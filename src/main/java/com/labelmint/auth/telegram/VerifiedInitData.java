package com.labelmint.auth.telegram;

import java.time.Instant;

/** Mini App initData whose signature and age have been checked; {@code data} gives the other fields. */
public record VerifiedInitData(TelegramUser user, Instant authDate, TelegramInitData data) {
}
