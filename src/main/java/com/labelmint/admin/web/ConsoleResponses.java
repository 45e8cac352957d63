package com.labelmint.admin.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** How console actions answer: a confirmation page before a destructive action, a redirect after any action. */
public final class ConsoleResponses {

    private ConsoleResponses() {
    }

    public static Response confirm(Visitor visitor, Confirmation confirmation) {
        return Response.ok(Pages.confirm(Chrome.of(visitor), confirmation).render()).build();
    }

    /** Post, redirect, get: a reload of the page after an action does not repeat the action. */
    public static Response backTo(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
