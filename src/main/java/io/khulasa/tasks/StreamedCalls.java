package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.llm.ChatGateway;
import io.khulasa.llm.LlmException;
import io.khulasa.llm.LlmResult;

/**
 * Streams prepared calls as one answer: the calls run concurrently (at most {@code maxParallel}), each streaming from
 * the LLM, but their text reaches the {@link DeltaSink} strictly in order: the first call's pieces as they arrive, a
 * later call's pieces buffered until every call before it has finished. Each call's text is stripped of surrounding
 * white space and the calls are joined with the given separators, so the streamed text equals what the blocking path
 * returns.
 * <p>
 * <b>Guards.</b> Every answer is checked by the output guards when its stream ends ({@link GuardedCompletion}). An
 * answer none of whose text has reached the client yet (a later chunk still buffered) follows the blocking rule: one
 * reprompt, and its accepted answer (wrappers stripped) replaces the buffered text. An answer whose text has already
 * been sent cannot be taken back: a hard failure ends the stream with that failure
 * ({@link io.khulasa.guards.OutputRejectedException}), never as a success.
 * <p>
 * A title-then-body prompt that was sent a title answers with the title on its first line: that line is held back
 * and never streamed (it is in the outcome's {@code title}).
 * <p>
 * Any failure, including a completion cut by the output limit, ends the stream with that failure, and no call that
 * has not started yet is sent.
 */
@ApplicationScoped
public class StreamedCalls {

    private sealed interface Event permits Delta, Done, Reprompted, Failed {
    }

    private record Delta(int index, String text) implements Event {
    }

    /** A stream ended: its complete answer, not yet guarded. */
    private record Done(int index, LlmResult result) implements Event {
    }

    /** The accepted answer to a reprompt. */
    private record Reprompted(int index, GuardedCompletion.Answer answer) implements Event {
    }

    private record Failed(int index, RuntimeException error) implements Event {
    }

    /** The virtual threads the streams are read on (the planner's, shared by every call of the request). */
    private final ExecutorService threads;
    private final ChatGateway gateway;
    private final GuardedCompletion guarded;

    public StreamedCalls(Planner planner, ChatGateway gateway, GuardedCompletion guarded) {
        this.threads = planner.threads();
        this.gateway = gateway;
        this.guarded = guarded;
    }

    /** One call, streamed. */
    CallOutcome stream(PreparedCall call, DeltaSink sink) {
        return stream(List.of(call), List.of(), 1, sink).get(0);
    }

    /**
     * @param separators {@code separators.get(i)} goes between call {@code i} and {@code i + 1}
     * @return one guarded outcome per call, in order
     */
    List<CallOutcome> stream(List<PreparedCall> calls, List<String> separators, int maxParallel, DeltaSink sink) {
        int n = calls.size();
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Semaphore permits = new Semaphore(Math.max(1, maxParallel));
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            PreparedCall call = calls.get(i);
            futures.add(threads.submit(() -> withPermit(permits, stopped, index, events, () -> {
                LlmResult result = gateway.stream(call.llmCall(), text -> events.offer(new Delta(index, text)));
                events.offer(new Done(index, result));
            })));
        }
        CallText[] texts = new CallText[n];
        for (int i = 0; i < n; i++) {
            PreparedCall call = calls.get(i);
            texts[i] = new CallText(call.answersTitleFirst() ? call.sentTitle() : null);
        }
        CallOutcome[] outcomes = new CallOutcome[n];
        boolean finished = false;
        try {
            int current = 0;
            if (n > 1) {
                sink.chunk(0, n);
            }
            texts[0].startStreaming("");
            while (current < n) {
                Event event = take(events);
                switch (event) {
                    case Failed f -> throw f.error();
                    case Delta d -> emit(sink, texts[d.index()].add(d.text()));
                    case Done d -> {
                        PreparedCall call = calls.get(d.index());
                        CallText text = texts[d.index()];
                        switch (guarded.check(call, d.result(), "first")) {
                            case GuardedCompletion.Accepted a -> {
                                if (!text.sentAny()) {
                                    // Nothing of it shown yet: show the answer as the blocking path returns it.
                                    emit(sink, text.replace(a.answer().result().text()));
                                }
                                outcomes[d.index()] = CallRunner.outcomeOf(call, a.answer().result(), a.answer().warnings());
                            }
                            case GuardedCompletion.Rejected r when text.sentAny() -> throw GuardedCompletion.rejection(call,
                                    r, "its text had already been streamed, so it could not be asked again",
                                    d.result().attempts());
                            case GuardedCompletion.Rejected r -> {
                                text.replace("");
                                futures.add(threads.submit(() -> withPermit(permits, stopped, d.index(), events,
                                        () -> events.offer(new Reprompted(d.index(), guarded.reprompt(call, r))))));
                            }
                        }
                    }
                    case Reprompted r -> {
                        emit(sink, texts[r.index()].replace(r.answer().result().text()));
                        outcomes[r.index()] = CallRunner.outcomeOf(calls.get(r.index()), r.answer().result(),
                                r.answer().warnings());
                    }
                }
                while (current < n && outcomes[current] != null) {
                    emit(sink, texts[current].finish());
                    current++;
                    if (current < n) {
                        sink.chunk(current, n);
                        emit(sink, texts[current].startStreaming(separators.get(current - 1)));
                    }
                }
            }
            finished = true;
        } finally {
            if (!finished) {
                stopped.set(true);
                futures.forEach(f -> f.cancel(true));
            }
        }
        return List.of(outcomes);
    }

    private static void emit(DeltaSink sink, String text) {
        if (!text.isEmpty()) {
            sink.delta(text);
        }
    }

    /** Runs one call's work under the request's permit; a stream that has already failed sends nothing more. */
    private static void withPermit(Semaphore permits, AtomicBoolean stopped, int index, BlockingQueue<Event> events,
            Runnable work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            events.offer(new Failed(index, new LlmException(LlmException.Kind.UPSTREAM, "Interrupted")));
            return;
        }
        try {
            if (!stopped.get()) {
                work.run();
            }
        } catch (RuntimeException e) {
            stopped.set(true); // before the permit is released, so no waiting call starts after a failure
            events.offer(new Failed(index, e));
        } finally {
            permits.release();
        }
    }

    private static Event take(BlockingQueue<Event> events) {
        try {
            return events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while streaming");
        }
    }

    /**
     * One call's text on its way out: leading white space dropped, trailing white space held back until more text
     * follows (so the call's text comes out stripped), a title line held back, and everything buffered until the
     * call's turn comes.
     */
    private static final class CallText {

        private final StringBuilder pending = new StringBuilder();
        /** The Arabic title the answer's first line should translate; null when no title line is expected. */
        private final String arabicTitle;
        private boolean holdingTitle;
        private boolean streaming;
        private boolean started;
        private String separator = "";
        private final StringBuilder heldWhitespace = new StringBuilder();

        CallText(String arabicTitle) {
            this.arabicTitle = arabicTitle;
            this.holdingTitle = arabicTitle != null;
        }

        /** Whether any of this call's text has been written to the client. */
        boolean sentAny() {
            return started;
        }

        /**
         * Replaces what was received so far (nothing of which was sent) by a whole answer; returns what may be written
         * now.
         */
        String replace(String answer) {
            pending.setLength(0);
            heldWhitespace.setLength(0);
            holdingTitle = arabicTitle != null;
            return answer.isEmpty() ? "" : add(answer);
        }

        /** Adds streamed text; returns what may be written now (empty when not this call's turn). */
        String add(String text) {
            pending.append(text);
            if (holdingTitle) {
                String held = pending.toString().stripLeading();
                int nl = held.indexOf('\n');
                if (nl < 0) {
                    return "";
                }
                holdingTitle = false;
                if (TitleLine.looksLikeTitle(held.substring(0, nl), arabicTitle)) {
                    pending.setLength(0);
                    pending.append(held.substring(nl + 1));
                }
                // else: no title line; the line held back is the first paragraph and goes out as text
            }
            return streaming ? drain(false) : "";
        }

        /** The call's turn has come: from now on its text is written as it arrives. */
        String startStreaming(String separatorBefore) {
            this.separator = separatorBefore;
            this.streaming = true;
            return holdingTitle ? "" : drain(false);
        }

        /** The call is done: what is left to write (trailing white space dropped). */
        String finish() {
            streaming = true;
            if (holdingTitle) {
                // One line only: no separate title line, the line is the body (as the non-streamed path reads it).
                holdingTitle = false;
            }
            return drain(true);
        }

        private String drain(boolean last) {
            String text = pending.toString();
            pending.setLength(0);
            if (!started) {
                text = text.stripLeading();
                if (text.isEmpty()) {
                    return "";
                }
                started = true;
                text = separator + text;
            }
            if (last) {
                String out = text.stripTrailing();
                out = out.isEmpty() ? "" : heldWhitespace + out;
                heldWhitespace.setLength(0);
                return out;
            }
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                heldWhitespace.append(text);
                return "";
            }
            String out = heldWhitespace + text.substring(0, end);
            heldWhitespace.setLength(0);
            heldWhitespace.append(text, end, text.length());
            return out;
        }
    }
}
