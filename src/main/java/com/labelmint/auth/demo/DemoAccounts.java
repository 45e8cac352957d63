package com.labelmint.auth.demo;

import com.labelmint.auth.credential.Credential;
import com.labelmint.auth.mfa.TotpService;
import com.labelmint.auth.password.PasswordHasher;
import com.labelmint.platform.demo.DemoContext;
import com.labelmint.platform.demo.DemoDataContributor;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.NewAccount;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UsersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The people of the demo: an admin (with TOTP, as admins must), a client and three labelers, all
 * with one known password. Only ever seeded into an empty database of a local run.
 */
@ApplicationScoped
public class DemoAccounts implements DemoDataContributor {

    static final String PASSWORD = "labelmint-demo-2026";

    private final UsersApi users;
    private final PasswordHasher hasher;
    private final TotpService totp;
    private final Clock clock;

    DemoAccounts(UsersApi users, PasswordHasher hasher, TotpService totp, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.totp = totp;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> seed(DemoContext context) {
        String hash = hasher.hash(PASSWORD);
        List<String> lines = new ArrayList<>();
        lines.add("Demo accounts (password " + PASSWORD + "):");
        AccountView admin = person("admin@labelmint.local", "Ada Admin", EnumSet.of(Role.ADMIN), hash);
        TotpService.Enrollment enrollment = totp.enroll(admin.id(), "LabelMint:admin@labelmint.local");
        lines.add("  admin@labelmint.local   admin; TOTP secret " + enrollment.secret()
                + " (add it to an authenticator app, then confirm with a first code)");
        context.remember(DemoContext.CLIENT, person("client@labelmint.local", "Cleo Client", EnumSet.of(Role.CLIENT), hash).id());
        lines.add("  client@labelmint.local  client");
        for (int i = 1; i <= 3; i++) {
            person("labeler" + i + "@labelmint.local", "Labeler " + i, EnumSet.of(Role.LABELER), hash);
        }
        lines.add("  labeler1..3@labelmint.local  labelers");
        lines.add("Sign in: curl -s localhost:8080/api/v1/auth/login -H 'Content-Type: application/json' "
                + "-d '{\"email\":\"client@labelmint.local\",\"password\":\"" + PASSWORD + "\"}'");
        return lines;
    }

    private AccountView person(String email, String name, Set<Role> roles, String passwordHash) {
        AccountView account = users.create(new NewAccount(name, roles, "en", null));
        Credential.of(account.id(), email, passwordHash, clock.instant()).persist();
        return account;
    }
}
