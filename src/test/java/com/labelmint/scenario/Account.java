package com.labelmint.scenario;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Someone who signed up on the web and signed in: their id, e-mail, and the API in their name. */
record Account(UUID id, String email, Api.Caller caller) {

    static final String PASSWORD = "correct horse battery staple";

    static Account signUp(Api api, String email, String displayName, String role) {
        UUID id = UUID.fromString(api.anonymous().post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "displayName", displayName, "role", role)).get("id").asText());
        return new Account(id, email, api.as(signIn(api, email, Map.of())));
    }

    /** An access token; {@code extra} adds fields such as a TOTP code. */
    static String signIn(Api api, String email, Map<String, String> extra) {
        Map<String, String> body = new HashMap<>(extra);
        body.put("email", email);
        body.put("password", PASSWORD);
        return api.anonymous().post("/api/v1/auth/login", body).get("accessToken").asText();
    }
}
