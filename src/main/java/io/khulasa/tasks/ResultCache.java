package io.khulasa.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.khulasa.config.CacheConfig;
import io.khulasa.telemetry.Traces;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.LlmServerInfo;
import io.khulasa.prompts.PromptTemplate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.logging.Log;

/**
 * Guarded task answers, so the same article asked for twice costs one LLM call. In memory (Caffeine), bounded by
 * {@code khulasa.cache.max-size} and {@code khulasa.cache.ttl}; {@code khulasa.cache.enabled=false} turns caching off.
 * With {@code khulasa.cache.redis} set, in Redis instead ({@link RedisResultStore}), shared by all replicas.
 * <p>
 * <b>Key</b>: SHA-256 over the task, the prompt version and its file's SHA-256, the model (its name and, as
 * {@link LlmServerInfo} learns it, the identity of the model answering for that name), the generation parameters
 * (temperature, max output tokens), the title-sent flag, the glossary entries applied, and the rendered system and
 * user messages, which hold the <em>cleaned</em> article text, the title and the wording of the chosen options
 * (length, format). Because the key is built from the cleaned text, the same article scraped from two sites with
 * different boilerplate is one entry.
 * <p>
 * Only accepted answers are stored (a failure, a rejected answer or an extractive fallback never is). A refreshing
 * call ({@code Cache-Control: no-cache}) skips the lookup and stores its fresh answer.
 * <p>
 * The Caffeine cache is khulasa's own rather than quarkus-cache's, for one setting quarkus-cache does not offer: its
 * maintenance (the write buffer, eviction, expiry) runs on the thread that stores, not on
 * {@code ForkJoinPool.commonPool()}. Every stored answer is a write, and a write schedules that maintenance, so each
 * summary woke a pool thread (seen in an strace of the summary under load, issue 20): a thread wake-up and a second core
 * for a few microseconds of bookkeeping. Its meters are the same micrometer binder's that quarkus-cache registered
 * ({@code cache_gets_total{cache="khulasa-results"}}, {@code cache_evictions_total}, {@code cache_size}).
 */
@ApplicationScoped
public class ResultCache {

    /** The cache's name on its meters ({@code cache="khulasa-results"}). */
    public static final String NAME = "khulasa-results";

    /** The answers in memory; null when caching is off or Redis holds them. */
    private final Cache<String, CallOutcome> memory;
    /** Whether Redis holds the answers. */
    private final boolean remote;
    private final RedisResultStore redis;
    private final LlmServerInfo server;
    private final MeterRegistry registry;
    /** The look-up counters by task and result. */
    private final java.util.concurrent.ConcurrentHashMap<Lookup, Counter> lookups =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    public ResultCache(CacheConfig config, RedisResultStore redis, LlmServerInfo server, MeterRegistry registry) {
        // Redis, when configured, replaces the in-memory cache: one shared store, not two that disagree.
        this(config.enabled() && !redis.enabled() ? memory(config, registry) : null,
                config.enabled() && redis.enabled(), redis, server, registry);
    }

    /**
     * A cache over {@code memory} (null: none in memory), or over {@code redis} when {@code remote}.
     */
    ResultCache(Cache<String, CallOutcome> memory, boolean remote, RedisResultStore redis, LlmServerInfo server,
            MeterRegistry registry) {
        this.memory = memory;
        this.remote = remote;
        this.redis = redis;
        this.server = server;
        this.registry = registry;
    }

    /** The in-memory cache of {@code config}, its meters registered. */
    static Cache<String, CallOutcome> memory(CacheConfig config, MeterRegistry registry) {
        Cache<String, CallOutcome> cache = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfterWrite(config.ttl())
                // maintenance on the storing thread: no pool thread woken per stored answer (see the class comment)
                .executor(Runnable::run)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, NAME);
        return cache;
    }

    /** Whether look-ups go over the network (Redis), so that they block; in memory they do not. */
    public boolean remote() {
        return remote;
    }

    /** The cached outcome for {@code call}, else computes, stores and returns it. */
    public CallOutcome get(PreparedCall call, Supplier<CallOutcome> compute) {
        String key = keyOf(call);
        return lookup(call, key).orElseGet(() -> store(call, key, compute.get())); // a failure throws: nothing is stored
    }

    /**
     * The key {@code call} is looked up and stored under ({@link #key}), or null when the cache is off. Asked for once
     * per call and handed to {@link #lookup} and {@link #store}: it hashes the whole rendered prompt, article
     * included, and the look-up and the store of a missed call used to hash it once each (issue 20).
     */
    public String keyOf(PreparedCall call) {
        return enabled() ? key(call, server.identity(call.model())) : null;
    }

    /** Whether answers are looked up and stored at all ({@code khulasa.cache.enabled}). */
    boolean enabled() {
        return memory != null || remote;
    }

    /**
     * Counts the look-up of a call that refreshes the cache ({@code Cache-Control: no-cache}), which looks nothing up:
     * what {@link #lookup} does for such a call, without its key (the caller hashes the prompt later, to store the
     * answer). Nothing when the cache is off.
     */
    void refreshing(PreparedCall call) {
        if (enabled()) {
            lookups(call.task().id(), "refresh").increment();
        }
    }

    /**
     * The answer stored for {@code call} under {@code key} ({@link #keyOf}), marked as served from the cache; empty
     * when there is none, when the call refreshes the cache ({@code Cache-Control: no-cache}) or when the cache is off.
     */
    public Optional<CallOutcome> lookup(PreparedCall call, String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (call.refreshCache()) {
            refreshing(call);
            return Optional.empty();
        }
        CallOutcome cached;
        try (Traces.Step step = Traces.step("khulasa cache lookup")) {
            cached = lookup(key);
            step.set("khulasa.task", call.task().id()).set("khulasa.cache.result", cached == null ? "miss" : "hit")
                    .set("khulasa.cache.store", remote ? "redis" : "memory");
        }
        if (cached != null) {
            lookups(call.task().id(), "hit").increment();
            Log.debugf("%s answered from the cache", call.task());
            return Optional.of(cached.fromCache());
        }
        lookups(call.task().id(), "miss").increment();
        return Optional.empty();
    }

    /** The look-up counter of a task and result, registered once (not looked up in the registry per request). */
    private Counter lookups(String task, String result) {
        return lookups.computeIfAbsent(new Lookup(task, result),
                key -> registry.counter("khulasa.cache.lookups", "task", task, "result", result));
    }

    private record Lookup(String task, String result) {
    }

    /**
     * Stores a fresh, accepted LLM answer for {@code call} under {@code key} ({@link #keyOf}; never a cached or
     * extractive one); returns it.
     */
    public CallOutcome store(PreparedCall call, String key, CallOutcome fresh) {
        if (key == null || fresh.cached() || fresh.engine() != CallOutcome.Engine.LLM) {
            return fresh;
        }
        if (remote) {
            redis.put(key, fresh);
        } else {
            memory.put(key, fresh);
        }
        return fresh;
    }

    /** Drops every answer held in memory (answers in Redis expire by {@code khulasa.cache.redis-ttl}). */
    public void clear() {
        if (memory != null) {
            memory.invalidateAll();
        }
    }

    private CallOutcome lookup(String key) {
        if (remote) {
            return redis.get(key).orElse(null);
        }
        return memory.getIfPresent(key);
    }

    /**
     * The cache key of a prepared call (hex SHA-256).
     *
     * @param modelIdentity the model that answers for the call's model name, as the server lists it (empty when
     *                      unknown): a model swapped behind the same name is a different key
     */
    static String key(PreparedCall call, String modelIdentity) {
        PromptTemplate template = call.prompt().template();
        MessageDigest sha = sha256();
        field(sha, "khulasa-result-v2");
        field(sha, call.task().id());
        field(sha, template.task() + "/" + template.version());
        field(sha, template.sha256());
        field(sha, call.model());
        field(sha, modelIdentity);
        field(sha, String.valueOf(template.temperature()));
        field(sha, String.valueOf(template.maxOutputTokens()));
        field(sha, String.valueOf(call.titleSent()));
        for (GlossaryEntry e : call.glossary()) {
            field(sha, e.arabic() + "\u0000" + e.english());
        }
        field(sha, call.prompt().system());
        field(sha, call.prompt().user());
        if (call.support() != null) {
            // A strict answer passed the support check; a warn-only one may not have: never served for the other.
            field(sha, SupportCheck.CODE);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Length-prefixed, so two fields can never run into each other. */
    private static void field(MessageDigest sha, String value) {
        byte[] bytes = (value == null ? "\u0000null" : value).getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
