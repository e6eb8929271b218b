package io.khulasa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.khulasa.problems.Problem;
import io.khulasa.security.AccessDeniedException;
import io.khulasa.security.AccessGuard;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * API keys and rate limits at the door. Every {@code /v1/*} call is checked before it is matched to a resource (so
 * nothing is read, cleaned or sent to the LLM for a refused call); a refusal is an {@link AccessDeniedException} that
 * {@link io.khulasa.problems.Problems} answers like every other error. {@code /q/metrics} is not a REST resource, so it is
 * checked by an HTTP route filter that answers the same problem body. {@code /q/health} stays open for probes.
 */
@ApplicationScoped
public class ApiAccessFilter {

    private final ObjectWriter problemWriter;
    private final AccessGuard guard;

    public ApiAccessFilter(ObjectMapper json, AccessGuard guard) {
        this.problemWriter = json.writerFor(Problem.class);
        this.guard = guard;
    }

    // After RequestIdFilter (priority USER), so refusals carry the request id too.
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 10)
    // Asynchronous: with shared rate limits the answer comes from Redis, and this filter runs on the event loop.
    public Uni<Void> checkApiCall(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            return Uni.createFrom().completionStage(guard.checkApiCallAsync(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                    request.getHeaderString(AccessGuard.API_KEY_HEADER),
                    http.remoteAddress() == null ? "unknown" : http.remoteAddress().host()))
                    .onFailure(java.util.concurrent.CompletionException.class).transform(Throwable::getCause);
        }
        return Uni.createFrom().voidItem();
    }

    void protectMetrics(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.equals("/q/metrics") || path.startsWith("/q/metrics/")) {
                try {
                    guard.checkMetricsScrape(rc.request().getHeader(HttpHeaders.AUTHORIZATION),
                            rc.request().getHeader(AccessGuard.API_KEY_HEADER));
                } catch (AccessDeniedException e) {
                    RouteProblems.end(rc.response(), e, problemWriter);
                    return;
                }
            }
            rc.next();
        }, 900);
    }
}
