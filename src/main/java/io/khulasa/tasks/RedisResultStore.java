package io.khulasa.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.CacheConfig;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryKind;
import io.khulasa.llm.LlmResult;
import io.khulasa.llm.Usage;
import io.khulasa.prompts.PromptCatalogue;
import io.khulasa.prompts.PromptTemplate;
import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;

/**
 * The result cache in Redis, when {@code khulasa.cache.redis} is set: shared by every replica, entries expire after
 * {@code khulasa.cache.redis-ttl}. An answer is stored as JSON with its prompt named by task, version and SHA-256;
 * read back, the prompt is taken from the catalogue, and an entry whose prompt file changed is a miss. Redis being
 * slow or down is a miss (logged), never a failed request.
 */
@ApplicationScoped
public class RedisResultStore {

    static final String PREFIX = "khulasa:result:";

    private final Optional<RedisAPI> redis;
    private final Redis client;
    private final Duration ttl;
    private final Duration timeout;
    private final PromptCatalogue catalogue;
    private final ObjectMapper json;

    public RedisResultStore(CacheConfig config, Vertx vertx, PromptCatalogue catalogue, ObjectMapper json) {
        this.catalogue = catalogue;
        this.json = json;
        this.ttl = config.redisTtl();
        this.timeout = config.redisTimeout();
        this.client = config.redis().filter(s -> !s.isBlank())
                .map(url -> Redis.createClient(vertx, new RedisOptions().setConnectionString(url)))
                .orElse(null);
        this.redis = Optional.ofNullable(client).map(RedisAPI::api);
        redis.ifPresent(r -> Log.infof("Result cache in Redis (entries kept %s)", ttl));
    }

    /** Whether answers go to Redis (else to the in-memory cache). */
    public boolean enabled() {
        return redis.isPresent();
    }

    /** The stored answer for {@code key}, if any. */
    public Optional<CallOutcome> get(String key) {
        try {
            Response response = await(redis.orElseThrow().get(PREFIX + key));
            if (response == null) {
                return Optional.empty();
            }
            Stored stored = json.readValue(response.toString(StandardCharsets.UTF_8), Stored.class);
            return stored.toOutcome(catalogue);
        } catch (Exception e) {
            Log.warnf("Redis result cache read failed (%s); asking the LLM", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Stores an answer for {@code khulasa.cache.redis-ttl}. */
    public void put(String key, CallOutcome outcome) {
        try {
            String value = json.writeValueAsString(Stored.of(outcome));
            await(redis.orElseThrow().set(List.of(PREFIX + key, value, "PX", Long.toString(ttl.toMillis()))));
        } catch (Exception e) {
            Log.warnf("Redis result cache write failed (%s); the answer is not cached", e.getClass().getSimpleName());
        }
    }

    private <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** An answer as stored: the prompt by name and hash, the LLM result without its per-request figures. */
    @RegisterForReflection
    record Stored(String task, String text, String title, String promptTask, String promptVersion, String promptSha256,
            String model, List<Entry> glossary, List<String> warnings) {

        static Stored of(CallOutcome o) {
            return new Stored(o.task().id(), o.text(), o.title(), o.prompt().task(), o.prompt().version(), o.prompt().sha256(),
                    o.llm().model(), o.glossary().stream().map(Entry::of).toList(), o.warnings());
        }

        Optional<CallOutcome> toOutcome(PromptCatalogue catalogue) {
            PromptTemplate prompt;
            try {
                prompt = catalogue.resolve(promptTask, promptVersion);
            } catch (RuntimeException gone) {
                return Optional.empty();
            }
            if (!prompt.sha256().equals(promptSha256)) {
                return Optional.empty(); // the prompt file changed under the same version: not this answer's prompt
            }
            List<GlossaryEntry> entries = glossary == null ? List.of() : glossary.stream().map(Entry::toEntry).toList();
            return Optional.of(new CallOutcome(Task.of(task), text, title, prompt, new LlmResult(text, model, Usage.NONE, 0, 0),
                    entries, warnings, false, CallOutcome.Engine.LLM));
        }
    }

    @RegisterForReflection
    record Entry(String arabic, String english, String kind, String note) {

        static Entry of(GlossaryEntry e) {
            return new Entry(e.arabic(), e.english(), e.kind() == null ? null : e.kind().name(), e.note());
        }

        GlossaryEntry toEntry() {
            return new GlossaryEntry(arabic, english, kind == null ? null : GlossaryKind.valueOf(kind), note);
        }
    }
}
