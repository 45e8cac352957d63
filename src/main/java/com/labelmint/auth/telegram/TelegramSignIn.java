package com.labelmint.auth.telegram;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.NewAccount;
import com.labelmint.users.api.ReferralStart;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Telegram as a way to sign in: checks what Telegram vouched for, then finds the account linked to
 * that Telegram user or creates a labeler account for them. Runs in the caller's transaction.
 */
@ApplicationScoped
public class TelegramSignIn {

    private static final Set<String> LANGUAGES = Set.of("en", "ru");

    private final TelegramInitDataVerifier initData;
    private final TelegramLoginWidgetVerifier loginWidget;
    private final TelegramConfig config;
    private final UsersApi users;
    private final Clock clock;

    TelegramSignIn(TelegramInitDataVerifier initData, TelegramLoginWidgetVerifier loginWidget, TelegramConfig config,
                   UsersApi users, Clock clock) {
        this.initData = initData;
        this.loginWidget = loginWidget;
        this.config = config;
        this.users = users;
        this.clock = clock;
    }

    public TelegramUser verifyInitData(String data) {
        return verifiedInitData(data).user();
    }

    /** Who opened the Mini App, and the referral code of the {@code startapp=ref_<code>} link they came through. */
    public MiniAppLaunch verifyMiniAppLaunch(String data) {
        VerifiedInitData verified = verifiedInitData(data);
        return new MiniAppLaunch(verified.user(), verified.data().field("start_param").flatMap(ReferralStart::codeIn));
    }

    public record MiniAppLaunch(TelegramUser user, Optional<String> referralCode) {
    }

    private VerifiedInitData verifiedInitData(String data) {
        try {
            return initData.verify(data, botToken(), config.initDataMaxAge(), clock.instant());
        } catch (TelegramAuthException e) {
            throw refused(e);
        }
    }

    public TelegramUser verifyLoginWidget(Map<String, String> fields) {
        try {
            return loginWidget.verify(fields, botToken(), config.initDataMaxAge(), clock.instant());
        } catch (TelegramAuthException e) {
            throw refused(e);
        }
    }

    /**
     * The account this Telegram user signs in as, created on their first visit; then the owner of {@code referralCode},
     * if any, is recorded as having brought them (in this transaction, so that only the visit that creates the account
     * records one).
     */
    public AccountView accountFor(TelegramUser user, Optional<String> referralCode) {
        return TelegramIdentity.<TelegramIdentity>findByIdOptional(user.id())
                .flatMap(identity -> users.find(identity.accountId))
                .orElseGet(() -> {
                    AccountView account = firstVisit(user);
                    referralCode.ifPresent(code -> users.recordReferral(account.id(), code));
                    return account;
                });
    }

    /** Links a Telegram user to an existing account; refuses one already linked elsewhere. */
    public void link(UUID accountId, TelegramUser user) {
        TelegramIdentity existing = TelegramIdentity.findById(user.id());
        if (existing != null && !existing.accountId.equals(accountId)) {
            throw ProblemException.conflict("telegram-linked-elsewhere", "This Telegram account is linked to another LabelMint account");
        }
        if (existing == null && TelegramIdentity.ofAccount(accountId).isPresent()) {
            throw ProblemException.conflict("telegram-already-linked", "This account is already linked to a Telegram account");
        }
        if (existing == null) {
            remember(accountId, user);
        }
    }

    public boolean unlink(UUID accountId) {
        return TelegramIdentity.delete("accountId", accountId) > 0;
    }

    private AccountView firstVisit(TelegramUser user) {
        String name = user.lastName() == null ? user.firstName() : user.firstName() + " " + user.lastName();
        String language = user.languageCode() != null && LANGUAGES.contains(user.languageCode()) ? user.languageCode() : "en";
        AccountView account = users.create(new NewAccount(name.length() > 100 ? name.substring(0, 100) : name,
                EnumSet.of(Role.LABELER), language, user.username()));
        remember(account.id(), user);
        return account;
    }

    private void remember(UUID accountId, TelegramUser user) {
        TelegramIdentity identity = new TelegramIdentity();
        identity.telegramUserId = user.id();
        identity.accountId = accountId;
        identity.username = user.username();
        identity.linkedAt = clock.instant();
        identity.persistAndFlush();
    }

    private String botToken() {
        return config.botToken().filter(token -> !token.isBlank()).orElseThrow(() -> new ProblemException(503,
                "telegram-not-configured", "Service unavailable", "Telegram sign-in is not configured on this server"));
    }

    private static ProblemException refused(TelegramAuthException e) {
        return new ProblemException(401, "telegram-auth-refused", "Unauthorized",
                "Telegram sign-in data refused (" + e.reason().name().toLowerCase() + ")");
    }
}
