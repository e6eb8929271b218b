package io.khulasa.problems;

import org.jboss.logging.MDC;

/**
 * The request id in the logging context (MDC): put there by the HTTP door for a request and by the job worker for a
 * job's article, read by every log line and by the answer's provenance. One key, named once, so the doors and the
 * core cannot drift apart on its spelling.
 */
public final class RequestIds {

    /** The MDC key of the current request's id. */
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Puts the id of the request this thread now works for. */
    public static void enter(String requestId) {
        MDC.put(MDC_KEY, requestId);
    }

    /** The thread no longer works for a request. */
    public static void leave() {
        MDC.remove(MDC_KEY);
    }
}
