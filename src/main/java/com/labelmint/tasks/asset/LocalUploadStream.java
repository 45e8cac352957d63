package com.labelmint.tasks.asset;

import com.labelmint.platform.error.HttpEdgeProblems;
import com.labelmint.platform.error.HttpProblems;
import com.labelmint.platform.error.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * One upload through a local link. The body goes to a file in {@code incoming/} chunk by chunk as
 * it arrives, never whole in memory (the request pauses while the disk catches up), counted
 * against the size the link names: one byte more is a 413 at once, and the asset appears only
 * when exactly that many bytes arrived. Runs on the request's event loop; file work is asynchronous
 * or on a worker.
 */
final class LocalUploadStream {

    private final RoutingContext context;
    private final HttpServerRequest request;
    private final LocalGrant grant;
    private final LocalAssetFolder folder;
    private final HttpEdgeProblems problems;
    private final Path incomingFile;
    private AsyncFile file;
    private long received;
    /** Answered or abandoned: whatever the request still sends is dropped. */
    private boolean over;

    LocalUploadStream(RoutingContext context, LocalGrant grant, LocalAssetFolder folder, HttpEdgeProblems problems) {
        this.context = context;
        this.request = context.request();
        this.grant = grant;
        this.folder = folder;
        this.problems = problems;
        this.incomingFile = folder.newIncomingFile();
    }

    void start() {
        if (declaredLength() > grant.sizeBytes()) {
            Refusal.send(context, tooLarge(), problems);
            return;
        }
        request.pause();
        context.vertx().fileSystem().open(incomingFile.toString(), new OpenOptions().setWrite(true).setCreateNew(true))
                .onSuccess(this::receiveInto)
                .onFailure(context::fail);
    }

    /** Without a Content-Length (chunked), the count while receiving is the only check. */
    private long declaredLength() {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x itself refuses a malformed Content-Length
        }
    }

    private void receiveInto(AsyncFile opened) {
        file = opened;
        file.exceptionHandler(this::failed);
        file.write(LocalAssetFolder.header(grant.contentType()));
        request.handler(this::received);
        request.exceptionHandler(broken -> abandon());
        request.endHandler(ended -> complete());
        request.resume();
    }

    private void received(Buffer chunk) {
        if (over) {
            return;
        }
        received += chunk.length();
        if (received > grant.sizeBytes()) {
            refuse(tooLarge());
            return;
        }
        file.write(chunk);
        if (file.writeQueueFull()) {
            request.pause();
            file.drainHandler(drained -> request.resume());
        }
    }

    private void complete() {
        if (over) {
            return;
        }
        if (received != grant.sizeBytes()) {
            refuse(Problem.of(400, "upload-size-mismatch", "Upload size mismatch",
                    "This link takes exactly " + grant.sizeBytes() + " bytes; " + received + " arrived"));
            return;
        }
        over = true;
        file.close()
                .compose(closed -> context.vertx().executeBlocking(() -> {
                    folder.commit(incomingFile, grant.key());
                    return null;
                }, false))
                .onSuccess(committed -> context.response().setStatusCode(200).end())
                .onFailure(this::failed);
    }

    private void refuse(Problem problem) {
        over = true;
        discard();
        Refusal.send(context, problem, problems);
    }

    /** The client went away: nobody is left to answer. */
    private void abandon() {
        if (!over) {
            over = true;
            discard();
        }
    }

    private void failed(Throwable failure) {
        over = true;
        discard();
        context.fail(failure);
    }

    private void discard() {
        file.close().onComplete(closed -> context.vertx().executeBlocking(() -> {
            folder.discard(incomingFile);
            return null;
        }, false));
    }

    private Problem tooLarge() {
        return Problem.of(413, "payload-too-large", HttpProblems.forStatus(413).title(),
                "This link takes exactly " + grant.sizeBytes() + " bytes");
    }
}
