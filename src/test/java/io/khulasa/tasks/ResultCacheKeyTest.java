package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.CacheConfig;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.llm.LlmResult;
import io.khulasa.llm.LlmServer;
import io.khulasa.llm.LlmServerInfo;
import io.khulasa.llm.Usage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryKind;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptFileParser;
import io.khulasa.prompts.PromptSource;
import io.khulasa.prompts.PromptTemplate;

/** What the cache key depends on, and what it does not. */
class ResultCacheKeyTest {

    static PromptTemplate prompt(String task, String version) {
        try {
            Path file = Path.of("prompts", task, version + ".yaml");
            return PromptFileParser.parse(task, version + ".yaml", Files.readAllBytes(file), PromptSource.PACKAGED,
                    file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PreparedCall call(String version, String text, String title, Map<Placeholder, String> choices, String model) {
        return call(version, text, title, choices, model, false);
    }

    static PreparedCall call(String version, String text, String title, Map<Placeholder, String> choices, String model,
            boolean refresh) {
        PromptTemplate t = prompt("summarize", version);
        return new PreparedCall(Task.SUMMARIZE, t.render(t.values(text, title, choices)), model, title != null, List.of(),
                text, refresh, PreparedCall.WHOLE, 0);
    }

    @Test
    void sameInputsSameKeyAndEveryPartChangesIt() {
        String base = ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "m"), "");
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "m"), "")).isEqualTo(base).hasSize(64);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "m", true), ""))
                .as("refresh does not change the key: it replaces the entry").isEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص آخر", "عنوان", Map.of(), "m"), "")).isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان آخر", Map.of(), "m"), "")).isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", null, Map.of(), "m"), "")).isNotEqualTo(base);
        assertThat(ResultCache.key(call("v1", "نص المقال", "عنوان", Map.of(), "m"), "")).as("prompt file").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "other"), "")).as("model").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(Placeholder.LENGTH, "short"), "m"), ""))
                .as("length").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(Placeholder.FORMAT, "bullets"), "m"), ""))
                .as("format").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(Placeholder.LENGTH, "medium"), "m"), ""))
                .as("the default choice spelled out is the same request").isEqualTo(base);
    }

    @Test
    void theIdentityOfTheModelAnsweringIsPartOfTheKey() {
        PreparedCall call = call("v2", "نص المقال", "عنوان", Map.of(), "qwen2.5:7b-instruct");
        assertThat(ResultCache.key(call, "qwen2.5:7b-instruct@1732000000"))
                .as("the same name, the model pulled again").isNotEqualTo(ResultCache.key(call, "qwen2.5:7b-instruct@1700000000"))
                .isNotEqualTo(ResultCache.key(call, ""));
    }

    @Test
    void glossaryEntriesArePartOfTheKey() {
        PromptTemplate t = prompt("translate", "v3");
        var rendered = t.render(t.values("نص", null, Map.of()));
        PreparedCall without = new PreparedCall(Task.TRANSLATE, rendered, "m", false, List.of(), "نص", false,
                PreparedCall.WHOLE, 0);
        PreparedCall with = new PreparedCall(Task.TRANSLATE, rendered, "m", false,
                List.of(new GlossaryEntry("قره باغ", "Karabakh", GlossaryKind.PLACE, null)), "نص", false, PreparedCall.WHOLE, 0);
        assertThat(ResultCache.key(with, "")).isNotEqualTo(ResultCache.key(without, ""));
    }

    /**
     * The key hashes the whole rendered prompt, article included: a missed call is keyed once for its look-up and
     * its store (issue 20: it was keyed twice), and the stored answer is found by the next call.
     */
    @Test
    void aMissedCallIsKeyedOnceAndFoundByTheNext() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(KhulasaConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withValidateUnknown(false).build();
        AtomicInteger identities = new AtomicInteger();
        // how often the key is made: once per key, each asks for the model's identity
        LlmServerInfo server = new LlmServerInfo(new LlmServer("http://127.0.0.1:9/v1", "none"), new ObjectMapper(),
                config.getConfigMapping(KhulasaConfig.class)) {
            @Override
            public String identity(String configuredName) {
                identities.incrementAndGet();
                return "m@1";
            }
        };
        CacheConfig inMemory = inMemory(2000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        com.github.benmanes.caffeine.cache.Cache<String, CallOutcome> entries = ResultCache.memory(inMemory, registry);
        ResultCache cache = new ResultCache(entries, false,
                new RedisResultStore(inMemory, (io.vertx.core.Vertx) null, null, null), server, registry);
        PreparedCall call = call("v2", "نص المقال", "عنوان", Map.of(), "m");
        AtomicInteger llmCalls = new AtomicInteger();
        java.util.function.Supplier<CallOutcome> llm = () -> {
            llmCalls.incrementAndGet();
            return CallOutcome.of(call, new LlmResult("ملخص المقال.", "m", Usage.NONE, 1, 1), List.of());
        };

        CallOutcome fresh = cache.get(call, llm);
        assertThat(identities).as("keyed once for the look-up and the store").hasValue(1);
        assertThat(entries.estimatedSize()).isEqualTo(1);
        assertThat(fresh.cached()).isFalse();

        CallOutcome again = cache.get(call, llm);
        assertThat(again.cached()).isTrue();
        assertThat(again.text()).isEqualTo(fresh.text());
        assertThat(llmCalls).hasValue(1);
        assertThat(identities).hasValue(2);
    }

    /**
     * The in-memory cache runs its maintenance on the thread that stores (not on {@code ForkJoinPool.commonPool()}, a
     * thread woken per stored answer, issue 20): an answer over the bound is evicted before {@code put} returns, and
     * the look-ups, the evictions and the size are on the cache's meters.
     */
    @Test
    void theMemoryCacheEvictsOnTheStoringThreadAndIsMetered() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        com.github.benmanes.caffeine.cache.Cache<String, CallOutcome> memory = ResultCache.memory(inMemory(3), registry);
        PreparedCall call = call("v2", "نص المقال", "عنوان", Map.of(), "m");
        CallOutcome answer = CallOutcome.of(call, new LlmResult("ملخص المقال.", "m", Usage.NONE, 1, 1), List.of());
        for (int i = 0; i < 4; i++) {
            memory.put("key-" + i, answer);
        }
        memory.getIfPresent("key-3");
        memory.getIfPresent("absent");

        assertThat(memory.estimatedSize()).as("evicted by the put itself").isEqualTo(3);
        assertThat(registry.get("cache.evictions").tag("cache", ResultCache.NAME).functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.size").tag("cache", ResultCache.NAME).gauge().value()).isEqualTo(3);
        assertThat(registry.get("cache.gets").tags("cache", ResultCache.NAME, "result", "hit").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("cache.gets").tags("cache", ResultCache.NAME, "result", "miss").functionCounter().count())
                .isEqualTo(1);
    }

    /** The defaults of {@code khulasa.cache.*} with no Redis and {@code maxSize} answers in memory. */
    private static CacheConfig inMemory(long maxSize) {
        return new CacheConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long maxSize() {
                return maxSize;
            }

            @Override
            public Duration ttl() {
                return Duration.ofHours(24);
            }

            @Override
            public java.util.Optional<String> redis() {
                return java.util.Optional.empty();
            }

            @Override
            public Duration redisTtl() {
                return Duration.ofHours(24);
            }

            @Override
            public Duration redisTimeout() {
                return Duration.ofSeconds(2);
            }
        };
    }
}
