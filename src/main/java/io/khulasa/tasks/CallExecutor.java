package io.khulasa.tasks;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.khulasa.config.ChunkingConfig;
import io.quarkus.virtual.threads.VirtualThreads;

/**
 * Runs planned calls, blocking or streamed, through one engine ({@link ChunkExecution}: permits, first failure,
 * cancellation, the split of a chunk the server cut) with a blocking sink or a {@link StreamingSink}. Either way a
 * call answers from the {@link ResultCache} when it can, else calls the LLM, guards the answer
 * ({@link GuardedCompletion}: wrappers stripped, one reprompt on a hard failure while none of its text went out) and
 * stores it. Owns the virtual threads a request's calls (and a digest's two parts) run on.
 */
@ApplicationScoped
public class CallExecutor {

    // Trace context follows the work onto its virtual threads: one trace per request.
    private final ExecutorService threads =
            io.opentelemetry.context.Context.taskWrapping(Executors.newVirtualThreadPerTaskExecutor());
    /**
     * Where the non-blocking path ({@link #runAsync}) continues with what may block: a retry, a reprompt, a smaller plan,
     * the stand-in. In the service, Quarkus's virtual threads that keep the request's Vert.x context (its request id
     * in the logs and the provenance, its trace), as the blocking endpoints' threads do.
     */
    private final Executor continuations;
    private final GuardedCompletion guarded;
    private final ResultCache cache;
    /** Chunk calls of one request in flight at once, and how often a cut chunk may be split. */
    private final ChunkingConfig limits;

    @Inject
    public CallExecutor(GuardedCompletion guarded, ResultCache cache, ChunkingConfig limits,
            @VirtualThreads ExecutorService continuations) {
        this.guarded = guarded;
        this.cache = cache;
        this.limits = limits;
        this.continuations = continuations;
    }

    /** An executor whose continuations run on its own virtual threads (tests). */
    public CallExecutor(GuardedCompletion guarded, ResultCache cache, ChunkingConfig limits) {
        this.guarded = guarded;
        this.cache = cache;
        this.limits = limits;
        this.continuations = threads;
    }

    /**
     * Starts {@code work} on a virtual thread of its own and hands back its result when asked, waiting for it only
     * then: a request reads its article for attribution while the model writes, instead of before or after.
     * A failure of {@code work} is thrown to whoever asks.
     */
    public <T> Supplier<T> beside(Supplier<T> work) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, threads);
        return () -> {
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        };
    }

    /**
     * Whether {@link #runAsync} can make a call without blocking: the result cache is in memory (a Redis look-up
     * blocks).
     */
    boolean runsAsync() {
        return !cache.remote();
    }

    /**
     * {@link #run} without blocking: answered from the (in-memory) cache at once, else the call is made by the
     * caller's event loop ({@link GuardedCompletion#completeAsync}), with what may block on {@link #continuations}.
     */
    CompletionStage<CallOutcome> runAsync(PreparedCall call) {
        String key = null;
        if (call.refreshCache()) {
            cache.refreshing(call); // Cache-Control: no-cache: nothing to look up, the look-up counted as a refresh
        } else {
            key = cache.keyOf(call);
            Optional<CallOutcome> hit = cache.lookup(call, key);
            if (hit.isPresent()) {
                return CompletableFuture.completedFuture(hit.get());
            }
        }
        CompletionStage<GuardedCompletion.Answer> answered = guarded.completeAsync(call, continuations);
        // A refreshing call's key (a hash of the whole prompt) is needed only to store its answer: hashed once the
        // call is out, while the model writes, not in the request's latency (issue 20).
        String storeKey = call.refreshCache() ? cache.keyOf(call) : key;
        return answered.thenApply(answer -> cache.store(call, storeKey, CallOutcome.of(call, answer.result(),
                answer.warnings())));
    }

    /**
     * Runs work on the caller's Vert.x context (its event loop, with the request's id and trace) wherever it is
     * handed over: at once when already there, else queued to it. Without a Vert.x context, where it is handed over.
     */
    public Executor sameRequest() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return work -> {
            if (io.vertx.core.Vertx.currentContext() == context) {
                work.run();
            } else {
                context.runOnContext(ignored -> work.run());
            }
        };
    }

    /** Blocking {@code work} of a request on the non-blocking path, on a thread that may block. */
    public <T> CompletableFuture<T> blocking(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, continuations);
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
