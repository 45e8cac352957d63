package com.labelmint.consensus.external;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.labelmint.consensus.engine.AnswerMatrixBuilder;
import com.labelmint.consensus.engine.TaskLabels;
import com.labelmint.platform.csv.CsvOutput;
import com.labelmint.platform.error.ProblemException;
import com.labelmint.projects.api.AggregationMethod;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/v1/consensus/aggregate?method=mv|wmv|ds}: the projects' aggregation engine for answers gathered
 * anywhere. Takes {@code text/csv} {@code task,worker,label}, answers {@code text/csv} {@code task,label,confidence},
 * one row per task in order of first appearance, and stores nothing.
 */
@Path("/api/v1/consensus/aggregate")
@RolesAllowed({"client", "labeler", "reviewer", "admin"})
public class ExternalAggregationResource {

    private static final CsvMapper CSV = CsvOutput.mapper();

    private final int maxAnswers;
    private final long maxBytes;

    ExternalAggregationResource(@ConfigProperty(name = "labelmint.consensus.aggregate.max-answers", defaultValue = "1000000") int maxAnswers,
                                @ConfigProperty(name = "labelmint.consensus.aggregate.max-bytes", defaultValue = "128M") MemorySize maxBytes) {
        this.maxAnswers = maxAnswers;
        this.maxBytes = maxBytes.asLongValue();
    }

    @POST
    public Response aggregate(@QueryParam("method") @DefaultValue("ds") String method,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) throws IOException {
        AggregationMethod chosen = methodNamed(method);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type", "Send text/csv with the header task,worker,label");
        }
        AnswerMatrixBuilder.Encoded<String, String, String> answers = ExternalAnswersCsv.read(new CappedBody(body, maxBytes), maxAnswers);
        TaskLabels labels = ExternalAggregation.run(answers.matrix(), chosen);
        StreamingOutput csv = out -> {
            try (SequenceWriter rows = CSV.writerFor(String[].class).writeValues(out)) {
                rows.write(new String[] {"task", "label", "confidence"});
                for (int task = 0; task < labels.taskCount(); task++) {
                    int label = labels.label(task);
                    rows.write(new String[] {answers.tasks().keyOf(task), label == TaskLabels.NO_LABEL ? "" : answers.classes().keyOf(label),
                            Double.toString(labels.confidence(task))});
                }
            }
        };
        return Response.ok(csv, "text/csv").build();
    }

    private static AggregationMethod methodNamed(String name) {
        try {
            return AggregationMethod.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-method", e.getMessage());
        }
    }
}
