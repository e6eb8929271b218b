package io.khulasa.tasks;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.config.CacheConfig;
import io.khulasa.config.ChunkingConfig;
import io.khulasa.config.GlossaryConfig;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.glossary.GlossaryStore;
import io.khulasa.llm.ChatGateway;
import io.khulasa.llm.LlmMetrics;
import io.khulasa.llm.LlmServer;
import io.khulasa.llm.LlmServerInfo;
import io.khulasa.prompts.PromptCatalogue;
import io.khulasa.prompts.RepromptTexts;
import io.khulasa.testing.ScriptedModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The task pipeline wired as the application wires it (planner, cache, guards, gateway, services), for unit tests of
 * the orchestration: the model is a {@link ScriptedModel}, the packaged prompts are read from {@code prompts/}, the
 * result cache is off, and the configuration is the defaults plus what a test sets.
 */
final class TaskKit {

    final ScriptedModel model = new ScriptedModel();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ChatGateway gateway;
    final Planner planner;
    final PromptCatalogue catalogue;
    final CallExecutor executor;
    final SummaryTask summaries;
    final TranslationTask translations;
    final DigestTask digests;

    TaskKit() {
        this(Map.of());
    }

    /** @param settings configuration over the defaults, e.g. {@code khulasa.chunking.max-input-tokens} */
    TaskKit(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(KhulasaConfig.class).withMapping(ChunkingConfig.class).withMapping(GlossaryConfig.class)
                .withMapping(CacheConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("khulasa.llm.initial-backoff", "1ms",
                        "khulasa.llm.max-backoff", "20ms", "khulasa.llm.circuit-breaker.enabled", "false"), "defaults", 100))
                .withSources(new PropertiesConfigSource(settings, "test", 200))
                // Durations as Quarkus reads them ("30s", "24H").
                .withConverter(Duration.class, 200, new DurationConverter())
                .withValidateUnknown(false).build();
        KhulasaConfig khulasa = config.getConfigMapping(KhulasaConfig.class);
        catalogue = new PromptCatalogue(khulasa);
        // Never started: no server to ask, so model identities and server token counts stay unknown.
        LlmServerInfo serverInfo = new LlmServerInfo(new LlmServer("http://127.0.0.1:9/v1", "none"), new ObjectMapper(),
                khulasa);
        gateway = new ChatGateway(model, model, khulasa, new LlmMetrics(registry));
        planner = new Planner(catalogue, config.getConfigMapping(ChunkingConfig.class), khulasa, serverInfo, "test-model");
        GuardedCompletion guarded = new GuardedCompletion(gateway, new RepromptTexts(), khulasa, registry);
        // no cache: tests count LLM calls
        ResultCache cache = new ResultCache(null, false, new RedisResultStore(config.getConfigMapping(CacheConfig.class),
                null, catalogue, new ObjectMapper()), serverInfo, registry);
        executor = new CallExecutor(guarded, cache, config.getConfigMapping(ChunkingConfig.class));
        summaries = new SummaryTask(planner, executor, new ExtractiveFallback(registry));
        translations = new TranslationTask(planner, executor,
                new GlossaryStore(config.getConfigMapping(GlossaryConfig.class)));
        digests = new DigestTask(summaries, translations);
    }

    void close() {
        executor.shutdown();
    }
}
