package com.labelmint.platform.archfixture;

import com.labelmint.auth.archfixture.SessionStore;

/** Fixture: a platform class that depends on a module, which the platform rule must catch. */
public class LeakyPlatformHelper {
    public String peek() {
        return new SessionStore().find();
    }
}
