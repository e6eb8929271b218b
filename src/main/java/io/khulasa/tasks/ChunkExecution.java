package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.llm.LlmException;
import io.quarkus.logging.Log;

/**
 * Runs one request's chunk calls concurrently on virtual threads, at most {@code maxParallel} in flight, and returns
 * their answers in article order. A chunk whose completion was cut by the output limit is split in two
 * ({@link ArticleChunker#splitFurther}) and both halves are called instead, up to {@code maxSplitDepth} times; the
 * first other failure cancels the remaining calls and is thrown. A chunk still waiting for a permit when another has
 * failed is never sent: the request has failed, and its call would only spend tokens.
 * <p>
 * The per-request permit is held only around the LLM call itself, never while waiting for halves, so a split can
 * never deadlock on its own request's permits.
 */
final class ChunkExecution {

    /** One LLM call for one chunk. */
    @FunctionalInterface
    interface ChunkCall {
        /**
         * @param chunk the chunk (its index is 0 only for the article's first piece)
         * @param part  human-readable position, e.g. {@code 2 of 5}
         */
        TaskOutcome call(Chunk chunk, String part);
    }

    /** A chunk and its answer; {@code extraCalls} counts calls cut by the output limit before this piece. */
    record Piece(Chunk chunk, TaskOutcome outcome, int extraCalls) {
    }

    private final ExecutorService executor;
    private final Semaphore permits;
    private final ArticleChunker chunker;
    private final int maxSplitDepth;
    /** The first failure that ends the request; set before the failed call's permit is released. */
    private final AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();

    ChunkExecution(ExecutorService executor, int maxParallel, ArticleChunker chunker, int maxSplitDepth) {
        this.executor = executor;
        this.permits = new Semaphore(maxParallel);
        this.chunker = chunker;
        this.maxSplitDepth = maxSplitDepth;
    }

    /** Calls every chunk; the pieces come back in article order, renumbered when chunks were split. */
    List<Piece> run(List<Chunk> chunks, ChunkCall call) {
        List<Future<List<Piece>>> futures = new ArrayList<>();
        for (Chunk chunk : chunks) {
            String part = (chunk.index() + 1) + " of " + chunks.size();
            futures.add(executor.submit(() -> runChunk(chunk, part, call, 0)));
        }
        List<Piece> pieces = new ArrayList<>();
        try {
            for (Future<List<Piece>> f : futures) {
                pieces.addAll(await(f));
            }
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        List<Chunk> renumbered = ArticleChunker.renumber(pieces.stream().map(Piece::chunk).toList());
        List<Piece> ordered = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            ordered.add(new Piece(renumbered.get(i), pieces.get(i).outcome(), pieces.get(i).extraCalls()));
        }
        return ordered;
    }

    private List<Piece> runChunk(Chunk chunk, String part, ChunkCall call, int depth) throws InterruptedException {
        List<Chunk> halves;
        permits.acquire();
        RuntimeException earlier = firstFailure.get();
        if (earlier != null) {
            permits.release();
            throw earlier; // another chunk failed: the request reports that failure, this chunk is not sent
        }
        try {
            return List.of(new Piece(chunk, call.call(chunk, part), 0));
        } catch (LlmException e) {
            if (e.kind() != LlmException.Kind.TRUNCATED || depth >= maxSplitDepth) {
                throw failed(e);
            }
            halves = chunker.splitFurther(chunk);
            if (halves.size() < 2) {
                throw failed(e);
            }
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            permits.release();
        }
        Log.debugf("Chunk %s was cut by the output limit: splitting it in two (depth %d)", part, depth + 1);
        Future<List<Piece>> second = executor.submit(() -> runChunk(halves.get(1), part + ", second half", call, depth + 1));
        List<Piece> result;
        try {
            result = new ArrayList<>(runChunk(halves.get(0), part + ", first half", call, depth + 1));
        } catch (RuntimeException e) {
            second.cancel(true);
            throw e;
        }
        result.addAll(await(second));
        Piece first = result.get(0);
        result.set(0, new Piece(first.chunk(), first.outcome(), first.extraCalls() + 1));
        return result;
    }

    private RuntimeException failed(RuntimeException e) {
        firstFailure.compareAndSet(null, e);
        return e;
    }

    private static List<Piece> await(Future<List<Piece>> future) {
        try {
            return future.get();
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
            var llm = p.outcome().llm();
            usage.add(new ChunkUsage(task, p.chunk().index(), llm.usage().inputTokens(), llm.usage().outputTokens(),
                    llm.durationMs(), llm.attempts() + p.extraCalls()));
        }
        return usage;
    }

    static int extraCalls(List<Piece> pieces) {
        return pieces.stream().mapToInt(Piece::extraCalls).sum();
    }
}
