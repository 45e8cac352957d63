package com.labelmint.admin.web;

import com.labelmint.platform.error.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Console failures as pages, not problem+json: a refused form is a 403 page, and a request the modules refuse
 * (a ban in the past, an unknown account) shows their problem's status and detail with a way back.
 */
public class ConsoleProblems {

    private final Visitor visitor;

    ConsoleProblems(Visitor visitor) {
        this.visitor = visitor;
    }

    @ServerExceptionMapper
    public Response refused(ConsoleRefusal refusal) {
        return page(403, Pages.forbidden(Chrome.of(visitor), refusal.getMessage()).render());
    }

    /** Runs a page or action; a problem the modules raise becomes a problem page with the same status. */
    public static Response attempt(Visitor visitor, Supplier<Response> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            return page(e.problem().status(), Pages.problem(Chrome.of(visitor), e.problem().title(), e.problem().detail()).render());
        }
    }

    static Response page(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
