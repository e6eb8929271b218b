package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.llm.LlmException;
import io.quarkus.logging.Log;

/**
 * Runs one request's chunk calls concurrently on virtual threads, at most {@code maxParallel} in flight, and returns
 * their answers in article order. A chunk whose completion was cut by the output limit is split in two
 * ({@link ArticleChunker#splitFurther}) and both halves are called instead, up to {@code maxSplitDepth} times; the
 * first other failure cancels the remaining calls (a call waiting in a back-off is interrupted) and is thrown. A chunk
 * still waiting for a permit when another has failed is never sent: the request has failed, and its call would only
 * spend tokens.
 * <p>
 * The per-request permit is held only around the LLM call itself, never while waiting for halves, so a split can
 * never deadlock on its own request's permits.
 */
final class ChunkExecution {

    /** A chunk and its answer; {@code extraCalls} counts calls cut by the output limit before this piece. */
    record Piece(Chunk chunk, CallOutcome outcome, int extraCalls) {
    }

    private final ExecutorService executor;
    private final Semaphore permits;
    private final int maxSplitDepth;
    /** The first failure that ends the request; set before the failed call's permit is released. */
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
    /** Every chunk call submitted (split halves included), so that the first failure can stop them all at once. */
    private final List<Future<List<Piece>>> submitted = new CopyOnWriteArrayList<>();

    ChunkExecution(ExecutorService executor, int maxParallel, int maxSplitDepth) {
        this.executor = executor;
        this.permits = new Semaphore(maxParallel);
        this.maxSplitDepth = maxSplitDepth;
    }

    /** Calls every chunk; the pieces come back in article order, renumbered when chunks were split. */
    List<Piece> run(ChunkedCalls planned, Function<PreparedCall, CallOutcome> caller) {
        List<Future<List<Piece>>> futures = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Chunk chunk = planned.chunks().get(i);
            PreparedCall call = planned.calls().get(i);
            String part = ChunkedCalls.part(i, planned.size());
            int index = i;
            futures.add(submit(() -> runChunk(planned, chunk, call, part, index, caller, 0)));
        }
        List<Piece> pieces = new ArrayList<>();
        try {
            for (Future<List<Piece>> f : futures) {
                pieces.addAll(await(f));
            }
        } catch (RuntimeException e) {
            throw failed(e);
        }
        List<Chunk> renumbered = ArticleChunker.renumber(pieces.stream().map(Piece::chunk).toList());
        List<Piece> ordered = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            ordered.add(new Piece(renumbered.get(i), pieces.get(i).outcome(), pieces.get(i).extraCalls()));
        }
        return ordered;
    }

    private List<Piece> runChunk(ChunkedCalls planned, Chunk chunk, PreparedCall call, String part, int index,
            Function<PreparedCall, CallOutcome> caller, int depth) throws InterruptedException {
        List<Chunk> halves;
        permits.acquire();
        RuntimeException earlier = firstFailure.get();
        if (earlier != null) {
            permits.release();
            throw earlier; // another chunk failed: the request reports that failure, this chunk is not sent
        }
        try {
            return List.of(new Piece(chunk, caller.apply(call), 0));
        } catch (LlmException e) {
            if (e.kind() != LlmException.Kind.TRUNCATED || depth >= maxSplitDepth) {
                throw failed(e);
            }
            halves = planned.chunker().splitFurther(chunk);
            if (halves.size() < 2) {
                throw failed(e);
            }
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            permits.release();
        }
        Log.debugf("Chunk %s was cut by the output limit: splitting it in two (depth %d)", part, depth + 1);
        String firstPart = part + ", first half";
        String secondPart = part + ", second half";
        Future<List<Piece>> second = submit(() -> runChunk(planned, halves.get(1),
                planned.prompter().prepare(halves.get(1), secondPart, index), secondPart, index, caller, depth + 1));
        List<Piece> result;
        try {
            result = new ArrayList<>(runChunk(planned, halves.get(0),
                    planned.prompter().prepare(halves.get(0), firstPart, index), firstPart, index, caller, depth + 1));
        } catch (RuntimeException e) {
            second.cancel(true);
            throw e;
        }
        result.addAll(await(second));
        Piece first = result.get(0);
        result.set(0, new Piece(first.chunk(), first.outcome(), first.extraCalls() + 1));
        return result;
    }

    private Future<List<Piece>> submit(Callable<List<Piece>> chunkCall) {
        Future<List<Piece>> future = executor.submit(chunkCall);
        submitted.add(future);
        return future;
    }

    /**
     * Records the request's first failure and stops every other chunk call at once: one waiting for a permit, for a
     * slot or in a back-off before its retry is interrupted, so no more tokens are spent for a failed request.
     */
    private RuntimeException failed(RuntimeException e) {
        if (firstFailure.compareAndSet(null, e)) {
            submitted.forEach(f -> f.cancel(true));
        }
        return firstFailure.get();
    }

    private List<Piece> await(Future<List<Piece>> future) {
        try {
            return future.get();
        } catch (CancellationException e) {
            RuntimeException failure = firstFailure.get();
            throw failure != null ? failure : new LlmException(LlmException.Kind.UPSTREAM, "The chunk call was cancelled");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.UPSTREAM, "Interrupted while waiting for the chunk calls");
        }
    }

    /** Per-chunk usage of the pieces, in article order. */
    static List<ChunkUsage> usage(String task, List<Piece> pieces) {
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
