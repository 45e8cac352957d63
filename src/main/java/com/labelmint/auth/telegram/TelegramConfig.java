package com.labelmint.auth.telegram;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "labelmint.telegram")
public interface TelegramConfig {

    /** The bot's token from BotFather; a secret, from the environment in production. */
    Optional<String> botToken();

    /** How old Mini App initData or a Login Widget answer may be. */
    @WithDefault("24h")
    Duration initDataMaxAge();
}
