package com.labelmint.auth.mfa;

import com.labelmint.platform.error.ProblemException;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s) and recovery codes, through the
 * dev.samstevens.totp library. Codes of the previous and next step are accepted for clock drift;
 * a step once used is never accepted again, so a code seen over someone's shoulder is worthless.
 * All methods run in the caller's transaction.
 */
@ApplicationScoped
public class TotpService {

    static final int PERIOD_SECONDS = 30;
    static final int RECOVERY_CODES = 10;

    private final Clock clock;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    TotpService(Clock clock) {
        this.clock = clock;
    }

    public record Enrollment(String secret, String otpauthUri) {
    }

    public Enrollment enroll(UUID accountId, String label) {
        TotpSecret existing = TotpSecret.findById(accountId);
        if (existing != null && existing.confirmed()) {
            throw ProblemException.conflict("mfa-already-enabled", "Two-factor sign-in is already on for this account");
        }
        TotpSecret secret = existing != null ? existing : new TotpSecret();
        secret.accountId = accountId;
        secret.secret = new DefaultSecretGenerator(32).generate();
        secret.createdAt = clock.instant();
        secret.lastUsedStep = 0;
        if (existing == null) {
            secret.persist();
        }
        String uri = new QrData.Builder().label(label).secret(secret.secret).issuer("LabelMint")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build().getUri();
        return new Enrollment(secret.secret, uri);
    }

    /** Confirms a pending secret with a first code; returns the recovery codes, shown this once. */
    public List<String> confirm(UUID accountId, String code) {
        TotpSecret secret = TotpSecret.<TotpSecret>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.conflict("mfa-not-enrolled", "Start the enrolment first"));
        if (secret.confirmed()) {
            throw ProblemException.conflict("mfa-already-enabled", "Two-factor sign-in is already on for this account");
        }
        if (!acceptCode(secret, code)) {
            throw invalidCode();
        }
        secret.confirmedAt = clock.instant();
        RecoveryCode.delete("key.accountId", accountId);
        List<String> recovery = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        recovery.forEach(plain -> {
            RecoveryCode row = new RecoveryCode();
            row.key = new RecoveryCode.Key(accountId, hash(plain));
            row.persist();
        });
        return recovery;
    }

    public boolean enabledFor(UUID accountId) {
        return TotpSecret.<TotpSecret>findByIdOptional(accountId).map(TotpSecret::confirmed).orElse(false);
    }

    /** Checks a sign-in's second factor: a current code, or an unused recovery code. */
    public void verifySignIn(UUID accountId, String totpCode, String recoveryCode) {
        if (totpCode == null && recoveryCode == null) {
            throw new ProblemException(401, "mfa-required", "Unauthorized",
                    "This account signs in with a second factor: send totpCode (or a recoveryCode)");
        }
        TotpSecret secret = TotpSecret.<TotpSecret>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .filter(TotpSecret::confirmed).orElseThrow(TotpService::invalidCode);
        boolean accepted = totpCode != null ? acceptCode(secret, totpCode) : useRecoveryCode(accountId, recoveryCode);
        if (!accepted) {
            throw invalidCode();
        }
    }

    private boolean acceptCode(TotpSecret secret, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > secret.lastUsedStep && MessageDigest.isEqual(
                    generate(secret.secret, step).getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                secret.lastUsedStep = step;
                return true;
            }
        }
        return false;
    }

    private boolean useRecoveryCode(UUID accountId, String plain) {
        Optional<RecoveryCode> code = RecoveryCode.<RecoveryCode>findByIdOptional(
                new RecoveryCode.Key(accountId, hash(plain)), LockModeType.PESSIMISTIC_WRITE);
        if (code.isEmpty() || code.get().usedAt != null) {
            return false;
        }
        code.get().usedAt = clock.instant();
        return true;
    }

    private String generate(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    private static byte[] hash(String recoveryCode) {
        try {
            String normalised = recoveryCode.trim().toLowerCase(Locale.ROOT);
            return MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException invalidCode() {
        return new ProblemException(401, "invalid-mfa-code", "Unauthorized", "The second-factor code is wrong or already used");
    }
}
