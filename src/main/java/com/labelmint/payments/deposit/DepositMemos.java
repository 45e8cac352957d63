package com.labelmint.payments.deposit;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Each person's deposit memo: ten lowercase letters and digits, random (not derived from anything a stranger
 * knows), typed as the comment of a USDT transfer. Matching forgives case, spaces and separators, as people type
 * ("LM7Q-4XK2-P9" is lm7q4xk2p9).
 */
@ApplicationScoped
public class DepositMemos {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;
    private static final String MEMO = "[a-z0-9]{" + LENGTH + "}";

    private static final String FIND = "SELECT memo FROM payments.deposit_memo WHERE user_id = ?";
    private static final String INSERT = "INSERT INTO payments.deposit_memo (user_id, memo, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String OWNER = "SELECT user_id FROM payments.deposit_memo WHERE memo = ?";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    DepositMemos(Clock clock) {
        this.clock = clock;
    }

    /** The person's memo, made on first use; the same ever after. */
    public String memoOf(Connection connection, UUID userId) throws SQLException {
        Optional<String> existing = find(connection, userId);
        while (existing.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, userId);
                insert.setString(2, newMemo());
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            // a concurrent request may have made theirs, or (once in 10^15) the memo was taken: read again
            existing = find(connection, userId);
        }
        return existing.get();
    }

    /** Whose memo the comment is, if anyone's. */
    public Optional<UUID> ownerOf(Connection connection, Optional<String> comment) throws SQLException {
        Optional<String> memo = comment.map(text -> text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")).filter(text -> text.matches(MEMO));
        if (memo.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement(OWNER)) {
            query.setString(1, memo.get());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private Optional<String> find(Connection connection, UUID userId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setObject(1, userId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private String newMemo() {
        StringBuilder memo = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            memo.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return memo.toString();
    }
}
