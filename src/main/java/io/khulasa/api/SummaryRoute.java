package io.khulasa.api;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.khulasa.articles.ArticleTasks;
import io.khulasa.articles.SummaryRequest;
import io.khulasa.articles.SummaryResponse;
import io.khulasa.llm.CallStops;
import io.khulasa.problems.Problem;
import io.khulasa.problems.RequestIds;
import io.khulasa.security.AccessGuard;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The plain JSON summary request ({@code POST /v1/summaries}, a JSON body that {@link SmallBodyReader} has read,
 * JSON answer) answered on a Vert.x route in front of Quarkus REST; every other request, and every request this route
 * cannot answer exactly as {@link SummaryResource#summarize} would, goes on to Quarkus REST unchanged.
 * <p>
 * Why: issue 20's target at 32 connections. Quarkus REST's layer (its handler chain, the filters as JAX-RS filters, the
 * suspended and resumed request, the message body reader and writer) measured 0.23–0.35 ms of a summary request whose
 * model answers in 400 ms with 32 callers without the checks below, about 0.1 ms with them (bench/README.md, phases 15
 * and 16): the largest single part of khulasa's own time. This route does what that layer did for the request and no
 * more, with the same parts:
 * <ul>
 * <li>a body that does not parse, or that fails validation, is handed on before anything else is done (no request id,
 * no rate-limit count), so Quarkus REST answers it with the same problem as always;</li>
 * <li>the request id ({@link RequestIdFilter#idFor}), the API key and rate limit ({@link AccessGuard}, the same check as
 * {@link ApiAccessFilter}), the {@code Cache-Control} header ({@link CacheControlHeader});</li>
 * <li>the same task ({@link ArticleTasks#summaryAsync}), its calls stopped when the client leaves (as
 * {@link LeavingClients#stopCallsOnLeave});</li>
 * <li>failures through the one mapping ({@link HttpProblems}), as {@link ProblemExceptionMapper} answers them.</li>
 * </ul>
 * Once the access check has counted the request, it is answered here, whatever happens: it is never handed on, so a
 * rate limit counts it once. The OpenAPI operation stays {@link SummaryResource}'s; the tests of that door run against
 * this route, and {@code SummaryRouteTest} holds both doors' answers side by side.
 */
@ApplicationScoped
public class SummaryRoute {

    static final String PATH = "/v1/summaries";
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private final ArticleTasks tasks;
    private final AccessGuard guard;
    private final Validator validator;
    private final ObjectReader requestReader;
    private final ObjectWriter responseWriter;
    private final ObjectWriter problemWriter;

    public SummaryRoute(ArticleTasks tasks, AccessGuard guard, Validator validator, ObjectMapper json) {
        this.tasks = tasks;
        this.guard = guard;
        this.validator = validator;
        this.requestReader = json.readerFor(SummaryRequest.class);
        this.responseWriter = json.writerFor(SummaryResponse.class);
        this.problemWriter = json.writerFor(Problem.class);
    }

    void register(@Observes Router router) {
        // After the HTTP filters (body limit, CORS, the small body read), before Quarkus REST's own route.
        router.post(PATH).order(-10).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        SummaryRequest request = plainRequest(rc);
        if (request == null) {
            rc.next();
            return;
        }
        HttpServerRequest http = rc.request();
        String id = RequestIdFilter.idFor(http.getHeader(RequestIdFilter.HEADER));
        RequestIds.enter(id);
        boolean noCache = CacheControlHeader.noCache(http.getHeader(HttpHeaders.CACHE_CONTROL));
        Context context = Vertx.currentContext();
        CompletionStage<Void> access;
        try {
            access = guard.checkApiCallAsync(http.getHeader(HttpHeaders.AUTHORIZATION), http.getHeader(AccessGuard.API_KEY_HEADER),
                    http.remoteAddress() == null ? "unknown" : http.remoteAddress().host());
        } catch (RuntimeException e) {
            fail(rc, id, e);
            return;
        }
        // A shared rate limit answers from Redis, on its client's thread: the request goes on on its own context.
        access.whenComplete((allowed, refused) -> onContext(context, () -> {
            if (refused != null) {
                fail(rc, id, refused);
            } else {
                summarize(rc, id, request, noCache);
            }
        }));
    }

    private void summarize(RoutingContext rc, String id, SummaryRequest request, boolean noCache) {
        Context context = Vertx.currentContext();
        CallStops stops = CallStops.watch();
        if (stops != null) {
            // Vert.x calls it only when the connection closes before the response has ended: a client that left.
            rc.response().closeHandler(closed -> stops.stop());
        }
        CompletionStage<SummaryResponse> answer;
        try {
            answer = tasks.summaryAsync(request, noCache);
        } catch (RuntimeException e) {
            fail(rc, id, e);
            return;
        }
        answer.whenComplete((response, failure) -> onContext(context, () -> {
            if (failure != null) {
                fail(rc, id, failure);
                return;
            }
            byte[] body;
            try {
                body = responseWriter.writeValueAsBytes(response);
            } catch (Exception e) {
                fail(rc, id, e);
                return;
            }
            if (writable(rc)) {
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON_UTF8).putHeader(RequestIdFilter.HEADER, id)
                        .end(Buffer.buffer(body));
            }
        }));
    }

    /**
     * The request when this route can answer it as Quarkus REST would: a JSON body already read, a JSON answer asked
     * for (or anything), and a body that parses and passes validation. Null otherwise: the request goes on.
     */
    SummaryRequest plainRequest(RoutingContext rc) {
        HttpServerRequest http = rc.request();
        if (!PATH.equals(rc.normalizedPath()) || !isJson(http.getHeader(HttpHeaders.CONTENT_TYPE))
                || !acceptsJson(http.getHeader(HttpHeaders.ACCEPT)) || http.getHeader(HttpHeaders.CONTENT_ENCODING) != null) {
            return null;
        }
        RequestBody body = rc.body();
        Buffer bytes = body == null || !body.available() ? null : body.buffer();
        if (bytes == null || bytes.length() == 0) {
            return null; // a body not read on the event loop (large, chunked, HTTP/2) keeps Quarkus REST's streaming read
        }
        SummaryRequest request;
        try {
            request = requestReader.readValue(bytes.getBytes());
        } catch (Exception e) {
            return null; // Quarkus REST answers it with the problem it names
        }
        if (request == null || !validator.validate(request).isEmpty()) {
            return null;
        }
        return request;
    }

    /** {@code application/json}, with no parameter but a UTF-8 charset: what the resource consumes as UTF-8. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether Quarkus REST would choose the JSON method (not the event stream) for this {@code Accept}: absent,
     * {@code *}{@code /*} or {@code application/json} alone. Lists and weights go on to Quarkus REST, which chooses.
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String value = accept.strip();
        return value.equals("*/*") || value.equalsIgnoreCase("application/json");
    }

    private void fail(RoutingContext rc, String id, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (writable(rc)) {
            RouteProblems.end(rc.response().putHeader(RequestIdFilter.HEADER, id), cause, problemWriter);
        }
    }

    private static boolean writable(RoutingContext rc) {
        if (rc.response().ended() || rc.response().closed()) {
            Log.debugf("POST %s: the client closed the connection before the answer was written", PATH);
            return false;
        }
        return true;
    }

    private static void onContext(Context context, Runnable work) {
        if (context == null || Vertx.currentContext() == context) {
            work.run();
        } else {
            context.runOnContext(ignored -> work.run());
        }
    }
}
