package com.labelmint.users.admin;

import com.labelmint.platform.error.ProblemException;
import com.labelmint.platform.events.EventPublisher;
import com.labelmint.users.account.Account;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.RolesChanged;
import com.labelmint.users.api.UserBanned;
import com.labelmint.users.api.UserUnbanned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** What admins do to accounts: appoint roles, ban and unban. Each change is an event. */
@ApplicationScoped
public class AccountAdministration {

    private final EventPublisher events;
    private final Clock clock;

    AccountAdministration(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AccountView setRoles(UUID accountId, Set<Role> roles, UUID admin) {
        if (roles.isEmpty()) {
            throw ProblemException.badRequest("no-roles", "An account keeps at least one role");
        }
        if (accountId.equals(admin) && !roles.contains(Role.ADMIN)) {
            throw ProblemException.conflict("own-admin-role", "Admins cannot take their own admin role away");
        }
        Account account = lock(accountId);
        Set<Role> before = account.roleSet();
        account.assignRoles(EnumSet.copyOf(roles));
        if (!before.equals(account.roleSet())) {
            events.publish(new RolesChanged(UUID.randomUUID(), clock.instant(), accountId, admin, before, account.roleSet()));
        }
        return account.view(clock.instant());
    }

    @Transactional
    public AccountView ban(UUID accountId, String reason, Instant until, UUID admin) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            throw ProblemException.badRequest("ban-in-the-past", "A ban must end in the future");
        }
        if (accountId.equals(admin)) {
            throw ProblemException.conflict("own-ban", "Admins cannot ban themselves");
        }
        Account account = lock(accountId);
        account.bannedUntil = until;
        account.banReason = reason;
        events.publish(new UserBanned(UUID.randomUUID(), now, accountId, admin, reason, until));
        return account.view(now);
    }

    @Transactional
    public AccountView unban(UUID accountId, UUID admin) {
        Instant now = clock.instant();
        Account account = lock(accountId);
        if (!account.bannedAt(now)) {
            throw ProblemException.conflict("not-banned", "This account is not banned");
        }
        account.bannedUntil = null;
        account.banReason = null;
        events.publish(new UserUnbanned(UUID.randomUUID(), now, accountId, admin));
        return account.view(now);
    }

    private static Account lock(UUID accountId) {
        return Account.<Account>findByIdOptional(accountId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Account " + accountId));
    }
}
