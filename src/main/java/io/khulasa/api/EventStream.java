package io.khulasa.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.ArticleStream;
import io.khulasa.articles.StreamDone;
import io.khulasa.problems.Problems;
import io.khulasa.tasks.DeltaSink;
import io.quarkus.logging.Log;

/**
 * Writes a streamed answer as Server-Sent Events: {@code delta} ({@code {"text": "..."}}), for chunked answers
 * {@code chunk} markers ({@code {"index": 0, "of": 5}}), then exactly one final {@code done} or {@code error}
 * (a problem JSON).
 * <p>
 * Written by {@link EventStreamWriter} on the request's virtual thread, as the body of the response: each event is
 * flushed before the next is produced, so a slow client slows only its own request, and nothing about the stream's
 * life cycle is left to another thread. Everything that can fail with a normal HTTP error (validation, cleaning, prompt versions) must
 * happen before {@link #response} is returned: once the stream is open, its status is 200.
 */
final class EventStream implements DeltaSink {

    /** The client went away: stop working for it. */
    static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super("The client closed the event stream", cause, false, false);
        }
    }

    private final OutputStream out;
    private final ObjectMapper json;
    /** Whether the client has closed its connection: asked before each event. */
    private final BooleanSupplier clientGone;

    private EventStream(OutputStream out, ObjectMapper json, BooleanSupplier clientGone) {
        this.out = out;
        this.json = json;
        this.clientGone = clientGone;
    }

    /**
     * The 200 event-stream response: its body is the planned work, which {@link EventStreamWriter} runs when the body
     * is written, streaming its deltas, then sends {@code done} with its result or {@code error} with the problem.
     */
    static Response response(ArticleStream work) {
        return Response.ok(work, MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-cache")
                // Tells nginx-style proxies not to buffer the stream.
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /**
     * Runs the work on the writing thread, each event written and flushed to {@code out} as it comes. When
     * {@code clientGone} says the client closed its connection, the next event stops the work instead: thrown from the
     * {@link DeltaSink}, it ends the model call in the middle of its answer (its connection closed, so the server stops
     * generating), and the LLM gateway passes it on as the receiver's, not as a failure of the model.
     *
     * @return false when the client went away before the stream's last event
     */
    static boolean write(OutputStream out, ObjectMapper json, ArticleStream work, BooleanSupplier clientGone) {
        return new EventStream(out, json, clientGone).run(work);
    }

    private boolean run(ArticleStream work) {
        try {
            StreamDone done = work.run(this);
            send("done", done);
        } catch (ClientGone e) {
            Log.debugf("Event stream closed by the client");
            return false;
        } catch (RuntimeException e) {
            try {
                send("error", Problems.of(e));
            } catch (ClientGone gone) {
                Log.debugf("Event stream closed by the client");
                return false;
            }
        }
        return true;
    }

    @Override
    public void chunk(int index, int of) {
        send("chunk", Map.of("index", index, "of", of));
    }

    @Override
    public void delta(String text) {
        send("delta", Map.of("text", text));
    }

    private void send(String name, Object data) {
        if (clientGone.getAsBoolean()) {
            throw new ClientGone(null);
        }
        String payload;
        try {
            // One line: Jackson escapes line breaks inside strings, so one data: field carries the whole event.
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot serialise the " + name + " event", e);
        }
        try {
            out.write(("event: " + name + "\ndata: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }
}
