package com.labelmint.users;

import com.labelmint.platform.events.EventCatalog;
import com.labelmint.users.api.ReputationChanged;
import com.labelmint.users.api.RolesChanged;
import com.labelmint.users.api.UserBanned;
import com.labelmint.users.api.UserRegistered;
import com.labelmint.users.api.UserUnbanned;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class UsersEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(
                EventCatalog.event("users.UserRegistered", 1, UserRegistered.class),
                EventCatalog.event("users.UserBanned", 1, UserBanned.class),
                EventCatalog.event("users.UserUnbanned", 1, UserUnbanned.class),
                EventCatalog.event("users.RolesChanged", 1, RolesChanged.class),
                EventCatalog.event("users.ReputationChanged", 1, ReputationChanged.class));
    }
}
