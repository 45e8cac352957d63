package com.labelmint.admin.web;

import com.labelmint.admin.session.ConsoleSessions;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Who is looking at this console page: admitted by {@link ConsoleGate} before the page runs. */
@RequestScoped
public class Visitor {

    private ConsoleSessions.Live session;
    private AccountView account;
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    void admit(ConsoleSessions.Live session, AccountView account, Set<Role> roles) {
        this.session = session;
        this.account = account;
        this.roles = roles;
    }

    public UUID accountId() {
        return account.id();
    }

    public String displayName() {
        return account.displayName();
    }

    /** The session's synchronizer token: every form carries it, every POST must bring it back. */
    public String csrfToken() {
        return session.csrfToken();
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Refuses (403, nothing done) a POST whose form does not carry this session's token. */
    public void requireCsrf(String submitted) {
        boolean matches = submitted != null && MessageDigest.isEqual(
                submitted.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw new ConsoleRefusal("This form is out of date or did not come from the console: reload the page and try again");
        }
    }
}
