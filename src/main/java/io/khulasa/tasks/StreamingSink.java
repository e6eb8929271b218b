package io.khulasa.tasks;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.khulasa.llm.LlmResult;
import io.khulasa.tasks.ChunkExecution.Segment;

/**
 * The streaming sink of a {@link ChunkExecution}: each call streams from the LLM, and the text reaches the
 * {@link DeltaSink} strictly in order: the current call's pieces as they arrive, a later call's buffered until every
 * call before it has finished. Each call's text is stripped of surrounding white space and the calls are joined with
 * their chunks' separators, so the streamed text equals what the blocking path returns.
 * <p>
 * <b>Result cache.</b> A call whose answer is in the {@link ResultCache} is not sent: its answer streams at once,
 * marked as cached; every answer accepted here is stored, as a blocking one is.
 * <p>
 * <b>Guards.</b> Every answer is checked by the output guards when its stream ends ({@link GuardedCompletion}). An
 * answer none of whose text has reached the client yet (a later chunk still buffered) follows the blocking rule: one
 * reprompt, and its accepted answer (wrappers stripped) replaces the buffered text. An answer whose text has already
 * been sent cannot be taken back: a hard failure ends the stream with that failure
 * ({@link io.khulasa.guards.OutputRejectedException}), never as a success.
 * <p>
 * A title-then-body prompt that was sent a title answers with the title on its first line: that line is held back
 * and never streamed (it is in the outcome's {@code title}).
 */
final class StreamingSink implements ChunkExecution.Sink {

    private final GuardedCompletion guarded;
    private final ResultCache cache;
    private final DeltaSink out;
    /** Each call's text on its way out; execution thread only. */
    private final Map<Segment, CallText> texts = new IdentityHashMap<>();
    /** Each segment's cache key ({@link ResultCache#keyOf}), written by its call's thread, read when it has ended. */
    private final Map<Segment, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

    StreamingSink(GuardedCompletion guarded, ResultCache cache, DeltaSink out) {
        this.guarded = guarded;
        this.cache = cache;
        this.out = out;
    }

    @Override
    public void call(Segment segment, Consumer<ChunkExecution.Event> post) {
        PreparedCall call = segment.call();
        String key = cache.keyOf(call);
        if (key != null) {
            keys.put(segment, key); // for the store once the answer is checked (ended), without hashing it again
        }
        Optional<CallOutcome> hit = cache.lookup(call, key);
        if (hit.isPresent()) {
            post.accept(new ChunkExecution.Answered(segment, hit.get()));
            return;
        }
        LlmResult result = guarded.stream(call, text -> post.accept(new ChunkExecution.Delta(segment, text)));
        post.accept(new ChunkExecution.Ended(segment, result));
    }

    @Override
    public void chunk(int index, int of) {
        out.chunk(index, of);
    }

    @Override
    public void begin(Segment segment, String separatorBefore) {
        emit(segment, text(segment).startStreaming(separatorBefore));
    }

    @Override
    public void delta(Segment segment, String text) {
        emit(segment, text(segment).add(text));
    }

    @Override
    public CallOutcome ended(Segment segment, LlmResult result, ChunkExecution execution) {
        PreparedCall call = segment.call();
        String key = keys.get(segment);
        return switch (guarded.check(call, result, "first")) {
            case GuardedCompletion.Accepted a -> cache.store(call, key,
                    CallOutcome.of(call, a.answer().result(), a.answer().warnings()));
            case GuardedCompletion.Rejected r when segment.sentAny() -> throw GuardedCompletion.rejection(call, r,
                    "its text had already been streamed, so it could not be asked again", result.attempts());
            case GuardedCompletion.Rejected r -> {
                text(segment).replace("");
                execution.again(segment, (s, post) -> {
                    GuardedCompletion.Answer answer = guarded.reprompt(call, r);
                    post.accept(new ChunkExecution.Answered(s,
                            cache.store(call, key, CallOutcome.of(call, answer.result(), answer.warnings()))));
                });
                yield null;
            }
        };
    }

    @Override
    public void answered(Segment segment, CallOutcome outcome) {
        if (!segment.sentAny()) {
            // Nothing of it shown yet: show the answer as the blocking path returns it.
            emit(segment, text(segment).replace(outcome.text()));
        }
    }

    @Override
    public void finish(Segment segment) {
        emit(segment, text(segment).finish());
    }

    private void emit(Segment segment, String text) {
        if (!text.isEmpty() && segment.claim()) {
            out.delta(text);
        }
    }

    private CallText text(Segment segment) {
        return texts.computeIfAbsent(segment, s -> new CallText(s.call().answersTitleFirst() ? s.call().sentTitle() : null));
    }

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

        /**
         * Replaces what was received so far (nothing of which was sent) by an answer's body (its title already read
         * apart); returns what may be written now.
         */
        String replace(String body) {
            pending.setLength(0);
            heldWhitespace.setLength(0);
            holdingTitle = false;
            return body.isEmpty() ? "" : add(body);
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
