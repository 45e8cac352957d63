package com.labelmint.auth.telegram;

import com.labelmint.auth.api.TelegramAccounts;
import com.labelmint.auth.api.TelegramProfile;
import com.labelmint.users.api.AccountView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** {@link TelegramAccounts} through the same find-or-create and link rules as Telegram sign-in. */
@ApplicationScoped
public class TelegramAccountsFacade implements TelegramAccounts {

    private final TelegramSignIn signIn;

    TelegramAccountsFacade(TelegramSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public AccountView accountFor(TelegramProfile user, Optional<String> referralCode) {
        return signIn.accountFor(asUser(user), referralCode);
    }

    @Override
    public void link(UUID accountId, TelegramProfile user) {
        signIn.link(accountId, asUser(user));
    }

    @Override
    public Optional<Long> telegramUserOf(UUID accountId) {
        return TelegramIdentity.ofAccount(accountId).map(identity -> identity.telegramUserId);
    }

    private static TelegramUser asUser(TelegramProfile profile) {
        return new TelegramUser(profile.id(), profile.firstName(), profile.lastName(), profile.username(), profile.languageCode(),
                false, null);
    }
}
