package com.labelmint.users.account;

import com.labelmint.platform.events.EventPublisher;
import com.labelmint.platform.paging.Page;
import com.labelmint.users.admin.AccountAdministration;
import com.labelmint.users.admin.AccountSearch;
import com.labelmint.users.api.AccountView;
import com.labelmint.users.api.LabelerStanding;
import com.labelmint.users.api.NewAccount;
import com.labelmint.users.api.Reputation;
import com.labelmint.users.api.ReputationMove;
import com.labelmint.users.api.Role;
import com.labelmint.users.api.UserRegistered;
import com.labelmint.users.api.UsersApi;
import com.labelmint.users.profile.ProfileService;
import com.labelmint.users.referral.Referrals;
import com.labelmint.users.reputation.ReputationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AccountService implements UsersApi {

    private final EventPublisher events;
    private final ReputationService reputations;
    private final ProfileService profiles;
    private final AccountSearch search;
    private final AccountAdministration administration;
    private final LabelerStandings standings;
    private final Referrals referrals;
    private final Clock clock;

    AccountService(EventPublisher events, ReputationService reputations, ProfileService profiles, AccountSearch search,
                   AccountAdministration administration, LabelerStandings standings, Referrals referrals, Clock clock) {
        this.events = events;
        this.reputations = reputations;
        this.profiles = profiles;
        this.search = search;
        this.administration = administration;
        this.standings = standings;
        this.referrals = referrals;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public AccountView create(NewAccount request) {
        Instant now = clock.instant();
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.displayName = request.displayName();
        account.assignRoles(request.roles());
        account.language = request.language() == null ? "en" : request.language();
        account.timezone = "UTC";
        account.telegramUsername = request.telegramUsername();
        account.createdAt = now;
        account.persist();
        events.publish(new UserRegistered(UUID.randomUUID(), now, account.id, account.displayName, request.roles()));
        return account.view(now);
    }

    @Override
    public Optional<AccountView> find(UUID accountId) {
        return Account.<Account>findByIdOptional(accountId).map(account -> account.view(clock.instant()));
    }

    @Override
    public Optional<LabelerStanding> labelerStanding(UUID accountId) {
        return standings.of(accountId);
    }

    @Override
    public Reputation reputation(UUID accountId) {
        return reputations.reputation(accountId);
    }

    @Override
    public AccountView changeLanguage(UUID accountId, String language) {
        return profiles.update(accountId, null, language, null);
    }

    @Override
    public Page<AccountView> search(String text, Role role, Boolean banned, String after, int limit) {
        return search.search(new AccountSearch.Criteria(text, role, banned), after, limit);
    }

    @Override
    public Page<ReputationMove> reputationHistory(UUID accountId, String before, int limit) {
        return reputations.history(accountId, Page.numericCursor(before), limit);
    }

    @Override
    public AccountView setRoles(UUID accountId, Set<Role> roles, UUID admin) {
        return administration.setRoles(accountId, roles, admin);
    }

    @Override
    public AccountView ban(UUID accountId, String reason, Instant until, UUID admin) {
        return administration.ban(accountId, reason, until, admin);
    }

    @Override
    public AccountView unban(UUID accountId, UUID admin) {
        return administration.unban(accountId, admin);
    }

    @Override
    public boolean recordReferral(UUID newAccountId, String referralCode) {
        return referrals.record(newAccountId, referralCode);
    }
}
