package com.labelmint.auth.archfixture;

/** Fixture: an internal class of the auth module, which no other module may use. */
public class SessionStore {
    public String find() {
        return "session";
    }
}
