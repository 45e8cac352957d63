package com.labelmint.auth.credential;

import com.labelmint.auth.api.AccountEmails;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link AccountEmails} from the e-mail and password credentials. */
@ApplicationScoped
class CredentialEmails implements AccountEmails {

    private final DataSource dataSource;

    CredentialEmails(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<String> emailOf(UUID accountId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT email FROM auth.credential WHERE account_id = ?")) {
            query.setObject(1, accountId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The e-mail of account " + accountId + " could not be read", e);
        }
    }
}
