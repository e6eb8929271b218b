package io.khulasa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;

/**
 * A client that closes its connection before its answer is written (an editor pressing Stop on a stream, a caller
 * giving up) fails the request with Vert.x's {@link HttpClosedException}. That is the client's choice, not a fault of
 * the service: it is logged at DEBUG here, where Quarkus's last-resort handler would log an ERROR with an error id
 * that no one can be shown. Every other failure goes on to that handler unchanged.
 */
@ApplicationScoped
public class ClosedConnections {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.failure() instanceof HttpClosedException) {
                Log.debugf("%s %s: the client closed the connection before the answer was written", rc.request().method(),
                        rc.normalizedPath());
                return; // nothing can be written to a closed connection
            }
            rc.next();
        });
    }
}
