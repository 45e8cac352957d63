package com.labelmint.admin.web;

/** What every console page shows around its content: who is signed in, the navigation, the sign-out form's token. */
public record Chrome(String displayName, String csrfToken, boolean admin) {

    public static Chrome of(Visitor visitor) {
        return new Chrome(visitor.displayName(), visitor.csrfToken(), visitor.isAdmin());
    }
}
