package com.labelmint.users.referral;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.users.account.Account;
import com.labelmint.users.api.ReferralStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Referral links: every account has a code (made the first time it is asked for), shared as
 * {@code https://t.me/<bot>?start=ref_<code>}; a new Telegram user who starts the bot through it, or opens the Mini App
 * through a {@code startapp=ref_<code>} link, is recorded as brought by the code's owner, once.
 */
@ApplicationScoped
public class Referrals {

    /** What follows {@code ref_} in a start parameter ({@link ReferralStart}). */
    public static final String CODE_PATTERN = "[a-z0-9]{12}";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> botUsername;
    private final Clock clock;

    Referrals(@ConfigProperty(name = "labelmint.telegram.bot-username") Optional<String> botUsername, Clock clock) {
        this.botUsername = botUsername;
        this.clock = clock;
    }

    /**
     * The account's referral code and link, and how many accounts it brought. The row is locked while a code is made,
     * so two first requests at once agree on one code.
     */
    @Transactional
    public Referral of(UUID accountId) {
        Account account = Account.<Account>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("The account"));
        if (account.referralCode == null) {
            account.referralCode = newCode();
        }
        String link = botUsername.filter(name -> !name.isBlank())
                .map(name -> "https://t.me/" + name + "?start=" + ReferralStart.payloadOf(account.referralCode)).orElse(null);
        return new Referral(account.referralCode, link, Account.count("referredBy", accountId), account.referredBy);
    }

    /**
     * Records that the owner of {@code code} brought {@code newcomerId}, unless the newcomer already has a referrer,
     * the code is nobody's, or it is their own. Joins the caller's transaction, which must be the one that created the
     * newcomer: whether an account is new is the caller's knowledge.
     *
     * @return whether the referral was recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(UUID newcomerId, String code) {
        if (code == null || !code.matches(CODE_PATTERN)) {
            return false;
        }
        Optional<Account> referrer = Account.find("referralCode", code).firstResultOptional();
        Account newcomer = Account.<Account>findByIdOptional(newcomerId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (referrer.isEmpty() || newcomer == null || newcomer.referredBy != null || referrer.get().id.equals(newcomerId)) {
            return false;
        }
        newcomer.referredBy = referrer.get().id;
        newcomer.referredAt = clock.instant();
        return true;
    }

    // 36^12 ≈ 4.7e18 codes: a clash with the unique index is not a case worth code
    private static String newCode() {
        StringBuilder code = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
