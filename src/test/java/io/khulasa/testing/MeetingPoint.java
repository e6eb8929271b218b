package io.khulasa.testing;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock transformer that holds each request until a second one (or {@link #reset(int)}: all of them) arrives (or 10 s pass, then answers 500). A test
 * whose two LLM calls both succeed through it has proven that the calls were in flight at the same time, without
 * measuring any time.
 */
public class MeetingPoint implements ResponseTransformerV2 {

    public static final String NAME = "meeting-point";
    private static volatile CyclicBarrier barrier = new CyclicBarrier(2);

    /** Resets the meeting point for a new pair of requests. */
    public static void reset() {
        reset(2);
    }

    /** Resets the meeting point for {@code parties} requests that must all be in flight at once. */
    public static void reset(int parties) {
        barrier = new CyclicBarrier(parties);
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
            return response;
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            return Response.Builder.like(response).but().status(500).body("{\"error\": \"calls were not concurrent\"}").build();
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
