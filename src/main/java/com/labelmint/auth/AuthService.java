package com.labelmint.auth;

import com.labelmint.auth.api.AuthApi;
import com.labelmint.auth.api.VerifiedSignIn;
import com.labelmint.auth.credential.Credential;
import com.labelmint.auth.mfa.TotpService;
import com.labelmint.auth.telegram.TelegramSignIn;
import com.labelmint.auth.telegram.TelegramUser;
import com.labelmint.auth.throttle.LoginThrottle;
import com.labelmint.auth.password.PasswordHasher;
import com.labelmint.auth.password.PasswordPolicy;
import com.labelmint.auth.session.SessionService;
import com.labelmint.auth.token.AccessTokenIssuer;
import com.labelmint.auth.token.TokenPair;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.NewAccount;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UsersApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionExceptionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sign-up, sign-in and sessions. Password hashing (about a quarter of a second by design) runs
 * outside any transaction, so a flood of sign-ins cannot hold database connections.
 */
@ApplicationScoped
public class AuthService implements AuthApi {

    /** Roles a person may give themselves; reviewers and admins are appointed by admins. */
    private static final Set<Role> SELF_SERVICE_ROLES = EnumSet.of(Role.CLIENT, Role.LABELER);

    private final UsersApi users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AccessTokenIssuer accessTokens;
    private final TotpService totp;
    private final TelegramSignIn telegram;
    private final LoginThrottle throttle;
    private final Clock clock;

    AuthService(UsersApi users, PasswordPolicy policy, PasswordHasher hasher, SessionService sessions,
                AccessTokenIssuer accessTokens, TotpService totp, TelegramSignIn telegram, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.totp = totp;
        this.telegram = telegram;
        this.throttle = throttle;
        this.clock = clock;
    }

    public AccountView register(String email, String password, String displayName, Role role) {
        if (!SELF_SERVICE_ROLES.contains(role)) {
            throw ProblemException.badRequest("role-not-self-service",
                    "You can register as a client or a labeler; reviewers and admins are appointed by an admin");
        }
        policy.check(password);
        String passwordHash = hasher.hash(password);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (Credential.emailTaken(email)) {
                    throw emailTaken();
                }
                AccountView account = users.create(new NewAccount(displayName.trim(), EnumSet.of(role), "en", null));
                Credential.of(account.id(), email, passwordHash, clock.instant()).persistAndFlush();
                return account;
            });
        } catch (PersistenceException e) {
            if (Credential.emailTaken(email)) {
                throw emailTaken(); // lost a race with a registration of the same e-mail
            }
            throw e;
        }
    }

    /**
     * Signs in with e-mail, password and, when the account has it, a second factor. Failures are
     * counted by the {@link LoginThrottle}; past its budget even the right password is refused.
     */
    public TokenPair login(String email, String password, String totpCode, String recoveryCode, String clientAddress) {
        VerifiedSignIn verified = throttled(email, clientAddress, () -> verify(email, password, totpCode, recoveryCode));
        return QuarkusTransaction.requiringNew().call(() -> tokens(verified.account(),
                sessions.open(verified.account().id(), verified.secondFactor())));
    }

    @Override
    public VerifiedSignIn verifySignIn(String email, String password, String totpCode, String clientAddress) {
        return throttled(email, clientAddress, () -> verify(email, password, totpCode, null));
    }

    private VerifiedSignIn throttled(String email, String clientAddress, Supplier<VerifiedSignIn> check) {
        throttle.checkAllowed(email, clientAddress);
        try {
            return check.get();
        } catch (ProblemException e) {
            if (e.problem().status() == 401 && !e.problem().type().endsWith(":mfa-required")) {
                throttle.recordFailure(email, clientAddress);
            }
            throw e;
        }
    }

    /** Checks the credentials; the second factor's used step commits with the check, so a code works once. */
    private VerifiedSignIn verify(String email, String password, String totpCode, String recoveryCode) {
        Optional<Credential> credential = QuarkusTransaction.requiringNew().call(() -> Credential.findByEmail(email));
        if (credential.isEmpty()) {
            hasher.spendCheckTime(password);
            throw invalidCredentials();
        }
        if (!hasher.matches(password, credential.get().passwordHash)) {
            throw invalidCredentials();
        }
        UUID accountId = credential.get().accountId;
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountView account = users.find(accountId).orElseThrow(AuthService::invalidCredentials);
            refuseIfBanned(account);
            boolean secondFactor = totp.enabledFor(accountId);
            if (secondFactor) {
                totp.verifySignIn(accountId, totpCode, recoveryCode);
            }
            return new VerifiedSignIn(account, secondFactor);
        });
    }

    /**
     * Rotates the refresh token. Commits even when it answers with a problem: detecting a reused
     * token revokes the session, and that revocation must stick.
     */
    public TokenPair refresh(String refreshToken) {
        return QuarkusTransaction.requiringNew()
                .exceptionHandler(failure -> failure instanceof ProblemException
                        ? TransactionExceptionResult.COMMIT : TransactionExceptionResult.ROLLBACK)
                .call(() -> {
                    SessionService.Issued session = sessions.rotate(refreshToken);
                    AccountView account = users.find(session.accountId()).orElseThrow(AuthService::invalidCredentials);
                    if (account.banned()) {
                        sessions.revoke(session.sessionId(), "account banned");
                        refuseIfBanned(account);
                    }
                    return tokens(account, session);
                });
    }

    /**
     * Signs in (creating the account on a first visit, brought by the owner of {@code referralCode} if one is given) as
     * the Telegram user that Telegram vouched for.
     */
    public TokenPair telegramLogin(TelegramUser user, Optional<String> referralCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AccountView account = telegram.accountFor(user, referralCode);
            refuseIfBanned(account);
            return tokens(account, sessions.open(account.id(), false));
        });
    }

    /** Gives an account that came through Telegram an e-mail and password too. */
    public void addCredential(UUID accountId, String email, String password) {
        policy.check(password);
        String passwordHash = hasher.hash(password);
        QuarkusTransaction.requiringNew().run(() -> {
            if (Credential.findByIdOptional(accountId).isPresent()) {
                throw ProblemException.conflict("credential-exists", "This account already signs in with an e-mail");
            }
            if (Credential.emailTaken(email)) {
                throw emailTaken();
            }
            Credential.of(accountId, email, passwordHash, clock.instant()).persistAndFlush();
        });
    }

    public void linkTelegram(UUID accountId, TelegramUser user) {
        QuarkusTransaction.requiringNew().run(() -> telegram.link(accountId, user));
    }

    /** Unlinks Telegram, unless it is the account's only way to sign in. */
    public void unlinkTelegram(UUID accountId) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Credential.findByIdOptional(accountId).isEmpty()) {
                throw ProblemException.conflict("last-sign-in-method",
                        "Telegram is this account's only way to sign in: add an e-mail and password first");
            }
            if (!telegram.unlink(accountId)) {
                throw ProblemException.notFound("A Telegram link for this account");
            }
        });
    }

    public void logout(UUID sessionId) {
        QuarkusTransaction.requiringNew().run(() -> sessions.revoke(sessionId, "signed out"));
    }

    public List<UUID> logoutEverywhere(UUID accountId) {
        return QuarkusTransaction.requiringNew().call(() -> sessions.revokeAll(accountId, "signed out everywhere"));
    }

    /** Admin powers need a second factor: an admin who has not turned TOTP on signs in without them. */
    private TokenPair tokens(AccountView account, SessionService.Issued session) {
        Set<Role> granted = EnumSet.copyOf(account.roles());
        if (!session.secondFactor()) {
            granted.remove(Role.ADMIN);
        }
        String accessToken = accessTokens.issue(account, session.sessionId(), granted, session.secondFactor());
        return TokenPair.bearer(accessToken, session.refreshToken(), accessTokens.lifetime().toSeconds());
    }

    private static void refuseIfBanned(AccountView account) {
        if (account.banned()) {
            throw new ProblemException(403, "account-banned", "Forbidden",
                    "This account is banned until " + account.bannedUntil());
        }
    }

    private static ProblemException invalidCredentials() {
        // the same answer whether the e-mail exists or not
        return new ProblemException(401, "invalid-credentials", "Unauthorized", "Invalid e-mail or password");
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("email-taken", "An account with this e-mail already exists");
    }
}
