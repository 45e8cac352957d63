package com.labelmint.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.labelmint.platform.jdbc.TransactionConflicts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure that reaches the REST layer into a problem document. Bad input gets a 4xx
 * naming what was wrong; a transaction that lost a deadlock to another gets a 503 to retry; anything
 * unexpected gets a 500 whose detail carries only an error id that is also in the log, never a stack
 * trace or an internal message.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);


    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.problem(), uri));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.invalidFields(errors), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    /** Quarkus REST maps this one itself, to plain JSON; ours must win. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized", "Sign in to use this resource"), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized", "Sign in to use this resource"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "You may not do this"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json), uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(HttpProblems.forStatus(status), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (bodyCutOff(e)) {
            LOG.debugf("The body of a request to %s stopped arriving: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
            return respond(Problem.of(400, "body-not-received", "Body not received",
                    "The request body stopped arriving before its end"), uri);
        }
        if (bodyOverTheLimit(e)) {
            LOG.debugf("The body of a request to %s went past its limit while it was read", uri == null ? "?" : uri.getPath());
            return respond(HttpProblems.forStatus(413), uri);
        }
        if (TransactionConflicts.lostToAnother(e)) {
            // Rare but expected where requests lock the same rows (labelers' counts, two accounts): not a bug to report
            // with an error id, but a request to send again, as the event bus retries its listeners.
            LOG.warnf("A request to %s was rolled back in a conflict with another transaction: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(Problem.of(503, "transaction-conflict", "Try again",
                    "The request met another one changing the same data and was undone; send it again"), uri))
                    .header("Retry-After", "1").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote error id " + errorId + " when reporting it"), uri);
    }

    /**
     * The body stopped arriving while an endpoint read it: the client closed the connection, or was cut off by
     * {@link BodyDeadline}, or fell silent past the reader's own timeout. The client's doing, not a failure of ours,
     * and usually nobody is left to read the answer.
     */
    private static boolean bodyCutOff(Throwable e) {
        return anyCause(e, cause -> cause instanceof HttpClosedException || cause instanceof ClosedChannelException
                || (cause instanceof IOException && "Read timed out".equals(cause.getMessage())));
    }

    /**
     * A chunked body ran past the path's limit while the endpoint read it: the HTTP layer has already answered 413
     * and Quarkus REST's input stream says so with this message (it has no exception type of its own).
     */
    private static boolean bodyOverTheLimit(Throwable e) {
        return anyCause(e, cause -> cause instanceof IOException && "Request too large".equals(cause.getMessage()));
    }

    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.of(400, "unknown-field", "Unknown field",
                    "The request has a field this endpoint does not know: " + unknown.getPropertyName());
        }
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .reduce((a, b) -> a + "." + b).orElse("(body)");
            return Problem.of(400, "invalid-json-value", "Invalid value", "The value of '" + path + "' has the wrong type or form"
                    + refusal(mapping));
        }
        String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + location);
    }

    /**
     * Why a value's own type refused it: the {@code @JsonCreator} of a wire name (an enum's, say) throws
     * IllegalArgumentException with a message written for the client, naming the values it accepts.
     */
    private static String refusal(JsonMappingException mapping) {
        return mapping instanceof ValueInstantiationException && mapping.getCause() instanceof IllegalArgumentException refused
                ? ": " + refused.getMessage() : "";
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.arg0.name" -> "name": drop the method and parameter segments of a path into a REST call
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.of(uri == null ? problem : problem.withInstance(uri.getPath()));
    }
}
