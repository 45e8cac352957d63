package com.labelmint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** The labeling loop through the REST API, as a web or Mini App client makes it: next, then answer-and-next. */
final class RestTasks implements TaskChannel {

    private final Api.Caller labeler;
    private String leaseId;

    /** Both calls of the loop are answered as the first time when they come again (see {@link Api.Caller#repeatable()}). */
    RestTasks(Api.Caller labeler) {
        this.labeler = labeler.repeatable();
    }

    @Override
    public Optional<String> take() {
        Api.Reply reply = labeler.send("POST", "/api/v1/tasks/next", Map.of(), null, 200, 204);
        return hold(reply.status() == 204 ? null : reply.json());
    }

    @Override
    public Optional<String> answer(String topic) {
        // 404: the lease is gone (expired, or revoked when anti-fraud excluded the labeler); ask again
        Api.Reply reply = labeler.send("POST", "/api/v1/tasks/" + leaseId + "/answer?next=true", Map.of(),
                Map.of("answer", Map.of("value", topic)), 200, 404, 409, 410);
        if (reply.status() != 200) {
            leaseId = null;
            return Optional.empty();
        }
        return hold(reply.json().get("next"));
    }

    private Optional<String> hold(JsonNode task) {
        if (task == null || task.isNull()) {
            leaseId = null;
            return Optional.empty();
        }
        leaseId = task.get("leaseId").asText();
        return Optional.of(task.path("item").path("data").path("text").asText());
    }
}
