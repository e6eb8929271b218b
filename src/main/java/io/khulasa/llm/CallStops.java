package io.khulasa.llm;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The model calls of one request, to stop when its client leaves. A door that can tell its client went away (the REST
 * door: the connection closed before the answer was written) {@link #watch watches} the request; every model call the
 * request then makes on its Vert.x context registers how to stop its HTTP exchange, and {@link #stop} resets those in
 * flight, so the LLM server stops generating an answer no one will read (a 30 s generation on a busy llama.cpp that
 * the caller gave up on after 10 s keeps its slot otherwise, and a caller that retries doubles the load). A call the
 * request starts after the stop (a reprompt, a retry) is stopped at once. A stopped call is {@link CallStopped}: not
 * retried, not logged or counted as the model's failure, not sent to the fallback model.
 * <p>
 * Why a Vert.x context local rather than a parameter: the calls are made several layers down (planning, the guarded
 * completion, the gateway), on the request's own context (its event loop on the non-blocking path, its virtual thread
 * on a blocking one), and what stops them is the door's; nothing between needs to know. Calls made on threads without
 * the request's context (a chunked article's chunks, a digest's parts) are stopped by interrupting the request's
 * thread instead, which the blocking doors do.
 */
public final class CallStops {

    private static final String KEY = "khulasa.call-stops";

    private final List<Runnable> stops = new ArrayList<>(2);
    private boolean stopped;

    private CallStops() {
    }

    /**
     * Makes the model calls the current request makes on its Vert.x context from now on stoppable.
     *
     * @return the request's stops, or null when not on a request's (duplicated) Vert.x context: nothing to stop then
     */
    public static CallStops watch() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        CallStops stops = new CallStops();
        context.putLocal(KEY, stops);
        return stops;
    }

    /** Stops the request's calls in flight, and any it starts later. Safe from any thread, and more than once. */
    public void stop() {
        List<Runnable> now;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            now = List.copyOf(stops);
            stops.clear();
        }
        now.forEach(Runnable::run);
    }

    /**
     * Registers how to stop a call the current request makes: run by {@link #stop}, or at once when the request was
     * stopped already. Nothing when the request is not watched.
     */
    static void onStop(Runnable stop) {
        Context context = Vertx.currentContext();
        CallStops stops = context == null ? null : context.getLocal(KEY);
        if (stops == null) {
            return;
        }
        boolean now;
        synchronized (stops) {
            now = stops.stopped;
            if (!now) {
                stops.stops.add(stop);
            }
        }
        if (now) {
            stop.run();
        }
    }
}
