package com.labelmint.users;

import com.labelmint.platform.events.EventCatalog;
import com.labelmint.users.api.UserRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class UsersEventCatalog implements EventCatalog {

    @Override
    public List<Entry> events() {
        return List.of(EventCatalog.event("users.UserRegistered", 1, UserRegistered.class));
    }
}
