package com.labelmint.tasks.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.labelmint.platform.paging.Page;
import com.labelmint.tasks.api.Task;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The labeling loop: take the next task, answer it (and take the next in the same call), or give it back; and one's history. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("labeler")
public class TaskResource {

    /** How long a labeler's client should wait before asking again when there is nothing to do. */
    static final String IDLE_RETRY_SECONDS = "30";

    private final TaskQueue queue;
    private final TaskAnswers answers;
    private final MyAnswers history;
    private final JsonWebToken token;

    TaskResource(TaskQueue queue, TaskAnswers answers, MyAnswers history, JsonWebToken token) {
        this.queue = queue;
        this.answers = answers;
        this.history = history;
        this.token = token;
    }

    public record AnswerRequest(@NotNull JsonNode answer) {
    }

    /** With {@code next}, the labeler's next task (or {@code null} when there is none). */
    public record AnswerReceipt(UUID answerId, long itemId, Task next) {
    }

    @GET
    @Path("/answers")
    public Page<MyAnswers.MyAnswer> myAnswers(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                             @QueryParam("after") @Size(max = 200) String after) throws SQLException, JsonProcessingException {
        return history.page(labeler(), after, limit);
    }

    @POST
    @Path("/next")
    public Response next() {
        return queue.next(labeler()).map(task -> Response.ok(task).build())
                .orElseGet(() -> Response.noContent().header("Retry-After", IDLE_RETRY_SECONDS).build());
    }

    @POST
    @Path("/{leaseId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public AnswerReceipt answer(@PathParam("leaseId") UUID leaseId, @Valid @NotNull AnswerRequest request,
                                @QueryParam("next") boolean next) {
        TaskAnswers.RecordedAnswer recorded = answers.answer(labeler(), leaseId, request.answer());
        Optional<Task> nextTask = next ? queue.next(labeler()) : Optional.empty();
        return new AnswerReceipt(recorded.answerId(), recorded.itemId(), nextTask.orElse(null));
    }

    @POST
    @Path("/{leaseId}/skip")
    public Response skip(@PathParam("leaseId") UUID leaseId) {
        answers.skip(labeler(), leaseId);
        return Response.noContent().build();
    }

    private UUID labeler() {
        return UUID.fromString(token.getSubject());
    }
}
