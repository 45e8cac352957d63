package com.labelmint.auth.session;

import com.labelmint.users.api.UserBanned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A banned person is signed out everywhere at once (the users module says so through an event). */
@ApplicationScoped
public class SessionsEndOnBan {

    private final SessionService sessions;

    SessionsEndOnBan(SessionService sessions) {
        this.sessions = sessions;
    }

    void on(@Observes UserBanned banned) {
        sessions.revokeAll(banned.accountId(), "banned: " + banned.reason());
    }
}
