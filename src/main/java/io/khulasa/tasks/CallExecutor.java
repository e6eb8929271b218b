package io.khulasa.tasks;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.config.ChunkingConfig;

/**
 * Runs planned calls, blocking or streamed, through one engine ({@link ChunkExecution}: permits, first failure,
 * cancellation, the split of a chunk the server cut) with a blocking sink or a {@link StreamingSink}. Either way a
 * call answers from the {@link ResultCache} when it can, else calls the LLM, guards the answer
 * ({@link GuardedCompletion}: wrappers stripped, one reprompt on a hard failure while none of its text went out) and
 * stores it. Owns the virtual threads a request's calls (and a digest's two parts) run on.
 */
@ApplicationScoped
public class CallExecutor {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final GuardedCompletion guarded;
    private final ResultCache cache;
    /** Chunk calls of one request in flight at once, and how often a cut chunk may be split. */
    private final ChunkingConfig limits;

    public CallExecutor(GuardedCompletion guarded, ResultCache cache, ChunkingConfig limits) {
        this.guarded = guarded;
        this.cache = cache;
        this.limits = limits;
    }

    /**
     * One call, blocking, on the caller's own thread.
     *
     * @throws io.khulasa.llm.LlmException when the call failed
     * @throws io.khulasa.guards.OutputRejectedException when the answer failed a hard guard, reprompt included
     */
    CallOutcome run(PreparedCall call) {
        return cache.get(call, () -> {
            GuardedCompletion.Answer answer = guarded.complete(call);
            return CallOutcome.of(call, answer.result(), answer.warnings());
        });
    }

    /** Every chunk's call, blocking; the pieces in article order. */
    List<ChunkExecution.Piece> run(ChunkedCalls planned) {
        return execution((segment, post) -> post.accept(new ChunkExecution.Answered(segment, run(segment.call()))))
                .run(planned);
    }

    /** One call, its answer streamed to {@code sink} as the model writes it (at once when it is cached). */
    CallOutcome stream(PreparedCall call, DeltaSink sink) {
        return execution(new StreamingSink(guarded, cache, sink)).run(call);
    }

    /** Every chunk's call, their answers streamed to {@code sink} in article order. */
    List<ChunkExecution.Piece> stream(ChunkedCalls planned, DeltaSink sink) {
        return execution(new StreamingSink(guarded, cache, sink)).run(planned);
    }

    /** Runs independent work of one request (e.g. a digest's two parts) concurrently. */
    <T> Future<T> fork(Callable<T> work) {
        return threads.submit(work);
    }

    private ChunkExecution execution(ChunkExecution.Sink sink) {
        return new ChunkExecution(threads, limits.maxParallelPerRequest(), limits.maxSplitDepth(), sink);
    }

    @PreDestroy
    void shutdown() {
        threads.shutdownNow();
    }
}
