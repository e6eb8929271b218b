package io.khulasa.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.llm.LlmException;
import io.khulasa.llm.LlmResult;
import io.quarkus.logging.Log;

/**
 * One request's planned calls, run: the one engine under blocking and streamed work alike. The calls run concurrently
 * on virtual threads, at most {@code maxParallel} in flight, and their answers come back in article order; what
 * differs between blocking and streaming is the {@link Sink} (how a call is made and where its answer goes), never
 * the rules:
 * <ul>
 * <li><b>Permits</b>: a call holds the request's permit only while it talks to the LLM, never while waiting for
 * anything else, so a split can never deadlock on its own request's permits. Calls start in article order (a split's
 * halves before the chunks after it): a call that finds no permit free waits in line, not on a semaphore, because
 * virtual threads reach a semaphore in any order, and a later chunk that got there first was answered (its tokens
 * spent) before an earlier one failed and ended the request.</li>
 * <li><b>First failure</b>: the first failure is the request's answer; it cancels every other call at once (one
 * waiting in a back-off is interrupted), and a call still waiting for a permit is never sent: the request has failed,
 * and its call would only spend tokens.</li>
 * <li><b>A chunk the server cut</b> by the output limit ({@link LlmException.Kind#TRUNCATED}) is split in two
 * ({@link ArticleChunker#splitFurther}) and both halves are called instead, up to {@code maxSplitDepth} times: while
 * none of its text has reached the client, streamed or not. Text already streamed is never sent again, so a cut
 * chunk whose text was on its way out ends the request. A chunk whose prompt the server found over its context
 * window ({@link LlmException.Kind#CONTEXT_EXCEEDED}) ends the request, which is then planned again in smaller chunks
 * ({@link OverflowRetry}); once a stream has sent text it can no longer be planned again, so such a chunk is split
 * like a cut one.</li>
 * </ul>
 * Events from the calls are handled on the thread that runs the execution (the request's), one at a time, so a sink
 * may block (e.g. write to the HTTP response) and needs no locking.
 */
final class ChunkExecution {

    /** A chunk and its answer; {@code extraCalls} counts calls cut by the output limit before this piece. */
    record Piece(Chunk chunk, CallOutcome outcome, int extraCalls) {
    }

    /**
     * Where calls go and their answers come back: {@link CallExecutor}'s blocking sink or a {@link StreamingSink}.
     * {@link #call} runs on a call's virtual thread; every other method on the execution's own thread, in order.
     */
    @FunctionalInterface
    interface Sink {

        /**
         * Makes one call, holding the request's permit, and posts its {@link Answered answer} (a streamed call: its
         * {@link Delta pieces}, then {@link Ended}).
         *
         * @throws RuntimeException the call's failure (a cut chunk is split, anything else ends the request)
         */
        void call(Segment segment, Consumer<Event> post);

        /** The text that follows is chunk {@code index} (0-based) of the {@code of} planned. */
        default void chunk(int index, int of) {
        }

        /** It is this segment's turn: its text may go out now, after {@code separatorBefore}. */
        default void begin(Segment segment, String separatorBefore) {
        }

        /** A piece of a segment's streamed answer. */
        default void delta(Segment segment, String text) {
        }

        /**
         * A segment's streamed answer ended, not yet guarded.
         *
         * @return its accepted outcome; null when it is being asked again ({@link ChunkExecution#again})
         */
        default CallOutcome ended(Segment segment, LlmResult result, ChunkExecution execution) {
            throw new IllegalStateException("Only a streamed call ends");
        }

        /** A segment's accepted outcome. */
        default void answered(Segment segment, CallOutcome outcome) {
        }

        /** The segment's answer is complete and was its turn: what is left of it goes out. */
        default void finish(Segment segment) {
        }
    }

    /** What a call tells the execution. */
    sealed interface Event permits Delta, Ended, Answered, Split, Failed {
    }

    record Delta(Segment segment, String text) implements Event {
    }

    record Ended(Segment segment, LlmResult result) implements Event {
    }

    record Answered(Segment segment, CallOutcome outcome) implements Event {
    }

    /** A cut chunk was replaced by its halves, both already submitted. */
    record Split(Segment cut, Segment first, Segment second) implements Event {
    }

    record Failed(RuntimeException error) implements Event {
    }

    /** One call of the request: a planned chunk, a half of one, or a call that is not a chunk. */
    final class Segment {

        private static final int OPEN = 0;
        private static final int SENDING = 1;
        private static final int SPLIT = 2;

        private final Chunk chunk;
        private final PreparedCall call;
        private final String part;
        private final int index;
        private final int depth;
        /** Whether its text has started to go out (then it is never split) or it was split (then it never goes out). */
        private final AtomicInteger state = new AtomicInteger(OPEN);
        /** Execution thread only. */
        private int extraCalls;
        private CallOutcome outcome;

        Segment(Chunk chunk, PreparedCall call, String part, int index, int depth) {
            this.chunk = chunk;
            this.call = call;
            this.part = part;
            this.index = index;
            this.depth = depth;
        }

        PreparedCall call() {
            return call;
        }

        /** Whether any of its text has gone out. */
        boolean sentAny() {
            return state.get() == SENDING;
        }

        /** Before its text goes out: false when it was split meanwhile (its text must then never go out). */
        boolean claim() {
            boolean claimed = state.compareAndSet(OPEN, SENDING) || state.get() == SENDING;
            if (claimed) {
                anySent.set(true);
            }
            return claimed;
        }

        private boolean abandon() {
            return state.compareAndSet(OPEN, SPLIT);
        }

        private boolean abandoned() {
            return state.get() == SPLIT;
        }
    }

    private final ExecutorService executor;
    private final int maxParallel;
    /** Calls that found every permit taken, in the order they start (guarded by {@code this}). */
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    /** Calls started and not yet finished (guarded by {@code this}). */
    private int running;
    private final int maxSplitDepth;
    private final Sink sink;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** The first failure that ends the request; set before the failed call's permit is released. */
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    /** Whether any call's text has gone out: the request can then no longer be planned again. */
    private final AtomicBoolean anySent = new AtomicBoolean();
    /** Every call submitted (split halves and reprompts included), so that the first failure can stop them all at once. */
    private final List<Future<?>> submitted = new CopyOnWriteArrayList<>();
    /** Execution thread only: the segments in article order, the one whose turn it is, the last chunk marked. */
    private final List<Segment> order = new ArrayList<>();
    private ChunkedCalls planned;
    private int current;
    private int marked = -1;

    ChunkExecution(ExecutorService executor, int maxParallel, int maxSplitDepth, Sink sink) {
        this.executor = executor;
        this.maxParallel = Math.max(1, maxParallel);
        this.maxSplitDepth = Math.max(0, maxSplitDepth);
        this.sink = sink;
    }

    /** Runs one call that is not a chunk (never split). */
    CallOutcome run(PreparedCall call) {
        order.add(new Segment(null, call, "", PreparedCall.WHOLE, 0));
        return execute().get(0).outcome();
    }

    /** Runs every chunk's call; the pieces come back in article order, renumbered when chunks were split. */
    List<Piece> run(ChunkedCalls chunked) {
        this.planned = chunked;
        for (int i = 0; i < chunked.size(); i++) {
            order.add(new Segment(chunked.chunks().get(i), chunked.calls().get(i), ChunkedCalls.part(i, chunked.size()),
                    i, 0));
        }
        return execute();
    }

    private List<Piece> execute() {
        if (order.isEmpty()) {
            return List.of();
        }
        submit(order.stream().map(s -> call(s, sink::call)).toList(), false);
        try {
            begin(0);
            while (current < order.size()) {
                handle(take());
                while (current < order.size() && order.get(current).outcome != null) {
                    sink.finish(order.get(current));
                    current++;
                    if (current < order.size()) {
                        begin(current);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw failed(e);
        }
        List<Chunk> chunks = planned == null ? null : ArticleChunker.renumber(order.stream().map(s -> s.chunk).toList());
        List<Piece> pieces = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Segment s = order.get(i);
            pieces.add(new Piece(chunks == null ? null : chunks.get(i), s.outcome, s.extraCalls));
        }
        return pieces;
    }

    private void handle(Event event) {
        switch (event) {
            case Failed f -> throw f.error();
            case Delta d -> {
                if (!d.segment().abandoned()) {
                    sink.delta(d.segment(), d.text());
                }
            }
            case Ended e -> {
                CallOutcome outcome = sink.ended(e.segment(), e.result(), this);
                if (outcome != null) {
                    settle(e.segment(), outcome);
                }
            }
            case Answered a -> settle(a.segment(), a.outcome());
            case Split s -> {
                int at = indexOf(s.cut());
                order.set(at, s.first());
                order.add(at + 1, s.second());
                s.first().extraCalls = s.cut().extraCalls + 1;
                if (at == current) {
                    begin(current);
                }
            }
        }
    }

    private void settle(Segment segment, CallOutcome outcome) {
        segment.outcome = outcome;
        sink.answered(segment, outcome);
    }

    /** Segment {@code i}'s turn: a chunk marker when a planned chunk starts, then whatever of its text is ready. */
    private void begin(int i) {
        Segment s = order.get(i);
        if (planned != null && planned.size() > 1 && s.index != marked) {
            marked = s.index;
            sink.chunk(s.index, planned.size());
        }
        sink.begin(s, i == 0 ? "" : ChunkedCalls.separator(order.get(i - 1).chunk));
    }

    private int indexOf(Segment segment) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) == segment) {
                return i;
            }
        }
        throw new IllegalStateException("Unknown segment");
    }

    /** Runs more work for a segment under a permit, e.g. asking a rejected answer again. */
    void again(Segment segment, Sink work) {
        submit(List.of(call(segment, work)), false);
    }

    /**
     * Starts calls in the order given while permits are free; the rest wait in line, at its back or, for a split's
     * halves ({@code front}), at its front, still in the order given.
     */
    private void submit(List<Runnable> calls, boolean front) {
        synchronized (this) {
            if (firstFailure.get() != null) {
                return; // the request has failed: nothing more is sent
            }
            int i = 0;
            for (; i < calls.size() && running < maxParallel; i++) {
                running++;
                start(calls.get(i));
            }
            for (int j = calls.size() - 1; front && j >= i; j--) {
                waiting.addFirst(calls.get(j));
            }
            for (int j = i; !front && j < calls.size(); j++) {
                waiting.addLast(calls.get(j));
            }
        }
    }

    private Runnable call(Segment segment, Sink work) {
        return () -> {
            try {
                if (firstFailure.get() == null) { // else another call failed: the request has, this call is not sent
                    work.call(segment, events::offer);
                }
            } catch (RuntimeException e) {
                if (!splitIfCut(segment, e)) {
                    events.offer(new Failed(failed(e)));
                }
            } finally {
                finished();
            }
        };
    }

    /** Hands a call's permit to the next call in line, unless the request has failed. */
    private void finished() {
        synchronized (this) {
            Runnable next = firstFailure.get() == null ? waiting.pollFirst() : null;
            if (next == null) {
                running--;
            } else {
                start(next);
            }
        }
    }

    /** Caller holds {@code this}. */
    private void start(Runnable call) {
        try {
            submitted.add(executor.submit(call));
        } catch (RejectedExecutionException e) { // the service is stopping: the request fails, it is not left waiting
            running--;
            events.offer(new Failed(failed(new LlmException(LlmException.Kind.UPSTREAM, "The service is shutting down"))));
        }
    }

    /**
     * A chunk cut by the output limit, or over the context window once text went out (see the class comment), none
     * of whose own text went out: its halves are called instead.
     */
    private boolean splitIfCut(Segment cut, RuntimeException e) {
        if (!(e instanceof LlmException llm) || cut.chunk == null || cut.depth >= maxSplitDepth
                || !(llm.kind() == LlmException.Kind.TRUNCATED
                        || llm.kind() == LlmException.Kind.CONTEXT_EXCEEDED && anySent.get())) {
            return false;
        }
        List<Chunk> halves = planned.chunker().splitFurther(cut.chunk);
        if (halves.size() < 2 || !cut.abandon()) {
            return false;
        }
        Log.debugf("Chunk %s: %s; splitting it in two (depth %d)", cut.part, llm.kind().code(), cut.depth + 1);
        Segment first = half(cut, halves.get(0), ", first half");
        Segment second = half(cut, halves.get(1), ", second half");
        events.offer(new Split(cut, first, second));
        // before any later chunk: its text comes first (and the cut call still holds its permit)
        submit(List.of(call(first, sink::call), call(second, sink::call)), true);
        return true;
    }

    private Segment half(Segment cut, Chunk half, String which) {
        String part = cut.part + which;
        return new Segment(half, planned.prompter().prepare(half, part, cut.index), part, cut.index, cut.depth + 1);
    }

    /**
     * Records the request's first failure and stops every other call at once: one waiting for a permit, for a slot
     * or in a back-off before its retry is interrupted, so no more tokens are spent for a failed request.
     */
    private RuntimeException failed(RuntimeException e) {
        if (firstFailure.compareAndSet(null, e)) {
            synchronized (this) {
                waiting.clear();
            }
            submitted.forEach(f -> f.cancel(true));
        }
        return firstFailure.get();
    }

    private Event take() {
        try {
            return events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while waiting for the calls");
        }
    }

    /** Per-chunk usage of the pieces, in article order. */
    static List<ChunkUsage> usage(Task task, List<Piece> pieces) {
        List<ChunkUsage> usage = new ArrayList<>(pieces.size());
        for (Piece p : pieces) {
            usage.add(ChunkUsage.of(task, p.chunk().index(), p.outcome(), p.extraCalls()));
        }
        return usage;
    }

    static int extraCalls(List<Piece> pieces) {
        return pieces.stream().mapToInt(Piece::extraCalls).sum();
    }

    static List<CallOutcome> outcomes(List<Piece> pieces) {
        return pieces.stream().map(Piece::outcome).toList();
    }
}
