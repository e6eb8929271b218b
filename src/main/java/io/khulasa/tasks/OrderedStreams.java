package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.khulasa.llm.ChatGateway;
import io.khulasa.llm.LlmException;
import io.khulasa.llm.LlmResult;
import io.khulasa.prompts.OutputShape;

/**
 * Streams several prepared calls as one answer: the calls run concurrently (at most {@code maxParallel}), each
 * streaming from the LLM, but their text reaches the {@link DeltaSink} strictly in order: the first call's pieces as
 * they arrive, a later call's pieces buffered until every call before it has finished. Each call's text is stripped
 * of surrounding white space and the calls are joined with the given separators, so the streamed text equals what
 * the non-streamed path returns.
 * <p>
 * A title-then-body prompt that was sent a title answers with the title on its first line: that line is held back
 * and never streamed (it is in the final outcome's {@code title}).
 * <p>
 * Any failure, including a completion cut by the output limit, ends the stream with that failure: streamed text
 * cannot be taken back, so a cut answer is never presented as complete.
 */
final class OrderedStreams {

    private sealed interface Event permits Delta, Done, Failed {
    }

    private record Delta(int index, String text) implements Event {
    }

    private record Done(int index, LlmResult result) implements Event {
    }

    private record Failed(int index, RuntimeException error) implements Event {
    }

    private OrderedStreams() {
    }

    /**
     * @param separators {@code separators.get(i)} goes between call {@code i} and {@code i + 1}
     * @return one outcome per call, in order
     */
    static List<TaskOutcome> stream(ChatGateway gateway, ExecutorService executor, int maxParallel,
            List<PreparedCall> calls, List<String> separators, DeltaSink sink) {
        int n = calls.size();
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Semaphore permits = new Semaphore(Math.max(1, maxParallel));
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            PreparedCall call = calls.get(i);
            futures.add(executor.submit(() -> {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    events.offer(new Failed(index, new LlmException(LlmException.Kind.UPSTREAM, "Interrupted")));
                    return;
                }
                try {
                    if (stopped.get()) {
                        return; // the stream has already failed: this call is never sent
                    }
                    LlmResult result = gateway.stream(PromptedTaskRunner.llmCall(call),
                            text -> events.offer(new Delta(index, text)));
                    events.offer(new Done(index, result));
                } catch (RuntimeException e) {
                    stopped.set(true); // before the permit is released, so no waiting call starts after a failure
                    events.offer(new Failed(index, e));
                } finally {
                    permits.release();
                }
            }));
        }
        CallText[] texts = new CallText[n];
        for (int i = 0; i < n; i++) {
            PreparedCall call = calls.get(i);
            texts[i] = new CallText(call.titleSent() && call.prompt().template().output() == OutputShape.TITLE_THEN_BODY);
        }
        LlmResult[] results = new LlmResult[n];
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
                    case Delta d -> {
                        String ready = texts[d.index()].add(d.text());
                        if (d.index() == current && !ready.isEmpty()) {
                            sink.delta(ready);
                        }
                    }
                    case Done d -> results[d.index()] = d.result();
                }
                while (current < n && results[current] != null) {
                    String rest = texts[current].finish();
                    if (!rest.isEmpty()) {
                        sink.delta(rest);
                    }
                    current++;
                    if (current < n) {
                        sink.chunk(current, n);
                        String buffered = texts[current].startStreaming(separators.get(current - 1));
                        if (!buffered.isEmpty()) {
                            sink.delta(buffered);
                        }
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
        List<TaskOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(PromptedTaskRunner.outcomeOf(calls.get(i), results[i]));
        }
        return outcomes;
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
        private boolean holdingTitle;
        private boolean streaming;
        private boolean started;
        private String separator = "";
        private final StringBuilder heldWhitespace = new StringBuilder();

        CallText(boolean titleFirst) {
            this.holdingTitle = titleFirst;
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
                pending.setLength(0);
                pending.append(held.substring(nl + 1));
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
