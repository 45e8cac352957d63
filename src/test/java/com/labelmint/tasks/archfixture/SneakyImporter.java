package com.labelmint.tasks.archfixture;

import com.labelmint.auth.archfixture.SessionStore;

/** Fixture: a tasks class that reaches into auth's internals, which the boundary rule must catch. */
public class SneakyImporter {
    public String peek() {
        return new SessionStore().find();
    }
}
