package io.khulasa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a small request body on the event loop, before the request goes to its virtual thread (or, for the
 * non-blocking summary, before Quarkus REST looks for it: it finds it read).
 * <p>
 * Why: Quarkus REST reads the body of a blocking or {@code @RunOnVirtualThread} method on that thread through
 * {@code VertxInputStream$VertxBlockingInput}, which parks the thread until the event loop hands it each chunk (one
 * more hand-off per request, 7.8 % of the CPU samples of a summary request in issue 20's profile); its non-blocking
 * read-ahead ({@code InputHandler}, {@code quarkus.rest.input-buffer-size}) is only installed for non-blocking
 * methods. When the routing context already holds the body, Quarkus REST hands the reader a
 * {@code ByteArrayInputStream} over it instead, so nothing blocks.
 * <p>
 * Only HTTP/1.x bodies that say their length and are at most {@link #MAX_EAGER_BYTES} are read here; a larger one (an html
 * page of several MiB) or a chunked one keeps the streaming read, so the memory held per request does not change.
 * Runs after {@link BodyLimitFilter} (a body over the HTTP limit is answered 413 before anything reads it).
 */
@ApplicationScoped
public class SmallBodyReader {

    /** A 5 KB article is ~10 KB of JSON; a long one stays well under this. */
    static final long MAX_EAGER_BYTES = 256 * 1024;

    private final BodyHandler bodyHandler = BodyHandler.create(false).setBodyLimit(MAX_EAGER_BYTES)
            .setDeleteUploadedFilesOnEnd(false).setPreallocateBodyBuffer(true);

    void register(@Observes Filters filters) {
        filters.register(this::handle, 950);
    }

    private void handle(RoutingContext rc) {
        if (isSmallPost(rc)) {
            bodyHandler.handle(rc); // calls rc.next() once the body is in
        } else {
            rc.next();
        }
    }

    private static boolean isSmallPost(RoutingContext rc) {
        // HTTP/2 keeps the streaming read: Quarkus REST pauses the request when it takes it over, and an HTTP/2
        // request that has ended refuses to be paused ("Request has already been read").
        if (rc.request().method() != HttpMethod.POST || rc.request().version() == HttpVersion.HTTP_2
                || !rc.normalizedPath().startsWith("/v1/")) {
            return false;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            long bytes = Long.parseLong(length.strip());
            return bytes > 0 && bytes <= MAX_EAGER_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
