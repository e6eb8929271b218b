package io.khulasa.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/**
 * Tests only: names the route that wrote each {@code /v1/*} answer in an {@value #HEADER} header, {@code route} for the
 * summary's own Vert.x route ({@code SummaryRoute}, registered on its path) and {@code rest} for Quarkus REST (one route
 * for every resource, registered on no path). Lets a test tell which door answered without changing either.
 */
@ApplicationScoped
public class AnsweringDoor {

    public static final String HEADER = "X-Test-Door";

    void register(@Observes Router router) {
        router.route("/v1/*").order(-20).handler(rc -> {
            rc.addHeadersEndHandler(ignored -> {
                Route route = rc.currentRoute();
                rc.response().putHeader(HEADER, route != null && "/v1/summaries".equals(route.getPath()) ? "route" : "rest");
            });
            rc.next();
        });
    }
}
