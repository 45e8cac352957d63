package com.labelmint.users.api;

import java.util.Set;

/** What is needed to create a person's account; the caller has validated it. */
public record NewAccount(String displayName, Set<Role> roles, String language, String telegramUsername) {
}
