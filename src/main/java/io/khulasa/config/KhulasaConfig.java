package io.khulasa.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Everything khulasa itself reads from configuration ({@code khulasa.*}). The LLM connection (base URL, key,
 * model, timeout) stays with the standard {@code quarkus.langchain4j.openai.*} settings.
 */
@ConfigMapping(prefix = "khulasa")
public interface KhulasaConfig {

    /** Prompt catalogue settings. */
    Prompts prompts();

    /** Input limits. */
    Limits limits();

    /** How the LLM is called. */
    Llm llm();

    /** Per-task overrides, keyed by task name ({@code summarize}, {@code translate}). */
    Map<String, TaskOverride> tasks();

    /** Who may call the API, and how often. */
    Security security();

    interface Prompts {
        /** External folder with {@code <task>/<version>.yaml} files, added to the packaged ones (env KHULASA_PROMPTS_DIR). */
        Optional<String> dir();

        /** {@code khulasa.prompts.<task>.version}: pins a task's default version (otherwise the highest). */
        @WithParentName
        Map<String, TaskPrompt> task();
    }

    interface TaskPrompt {
        Optional<String> version();
    }

    interface Limits {
        /**
         * Largest {@code text} article, in UTF-8 bytes; also the most article text that may be extracted from an
         * {@code html} page (env KHULASA_LIMITS_MAX_ARTICLE_BYTES).
         */
        @WithDefault("262144")
        int maxArticleBytes();

        /**
         * Largest {@code html} page, in UTF-8 bytes: whole pages as published, scripts and styles included (env
         * KHULASA_LIMITS_MAX_HTML_BYTES). {@code quarkus.http.limits.max-body-size} must leave room for it.
         */
        @WithDefault("5242880")
        int maxHtmlBytes();
    }

    interface Llm {
        /**
         * LLM calls per task per request, first try included (429/5xx/unreachable are retried); the one reprompt after
         * an answer rejected by an output guard counts too, and may use only what the first answer left.
         */
        @WithDefault("4")
        int maxAttempts();

        /** First back-off after a retryable failure; doubled on each further try. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest back-off between two tries, and the longest {@code Retry-After} khulasa waits for. */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * HTTP connections to the LLM (per base URL) per client: each event loop's own and the blocking calls' one;
         * calls beyond it wait for a connection. At least as many as LLM calls may be in flight at once (the Vert.x
         * default of 50 once capped khulasa at 50 calls).
         */
        @WithDefault("1024")
        int connectionPoolSize();

        /** Bulkhead: LLM HTTP calls in flight at once, over all requests and both models. */
        @WithDefault("1024")
        int maxInFlight();

        /** How long a call waits for a free slot before failing with 503 {@code llm-saturated}. */
        @WithDefault("10s")
        Duration queueTimeout();

        /**
         * How long, at most, a call waits for a server that says it is full (llama.cpp's {@code "Context size has been
         * exceeded."} when parallel requests fill its slots, Ollama's "server busy", a model loading) or for a free
         * slot of its model's {@link ModelSettings#maxInFlight()} limit, retrying with back-off; then 503
         * {@code llm-saturated}. Such waits are not outages: they never open the breaker nor use up attempts.
         */
        @WithDefault("120s")
        Duration capacityWait();

        /**
         * The model's context window in tokens, as the server counts them: prompt and answer together must fit. The
         * chunk budget is derived from it. Default 8192: what {@code docker/compose.yml} gives Ollama.
         */
        @WithDefault("8192")
        int contextWindow();

        /**
         * How many of the server's tokens one estimated token may be (the estimate is jtokkit {@code o200k_base}; the
         * Qwen2 tokenizer counts 1.15–1.28 times as many on Arabic news). Used when the server cannot count for khulasa.
         */
        @WithDefault("1.3")
        double tokenFactor();

        /**
         * {@code auto}: ask the server's own {@code POST /tokenize} (llama.cpp, vLLM) when it has one, else the
         * estimate times {@link #tokenFactor()}; {@code estimate}: never ask.
         */
        @WithDefault("auto")
        Tokenizer tokenizer();

        /**
         * How often khulasa asks the server which models it serves ({@code GET /models}) and whether it counts tokens
         * ({@code POST /tokenize}), in the background. A model swapped behind a configured name is noticed within this
         * time, and its old answers are no longer served from the cache. {@code 0s}: never ask.
         */
        @WithDefault("60s")
        Duration serverInfoRefresh();

        /** Per-model settings, keyed by model name: {@code khulasa.llm.model."qwen2.5:7b-instruct".max-in-flight=2}. */
        Map<String, ModelSettings> model();

        /** Stops calling an LLM that keeps failing. */
        CircuitBreaker circuitBreaker();

        /** An optional second model, asked when the primary is down. */
        Fallback fallback();
    }

    /** How prompts are counted against the context window. */
    enum Tokenizer {
        /** The server's {@code /tokenize} when it answers, else the estimate. */
        AUTO,
        /** The jtokkit estimate times the token factor. */
        ESTIMATE
    }

    /** One model's own settings. */
    interface ModelSettings {
        /**
         * Calls to this model in flight at once, over all requests: match a local server's parallel slots
         * ({@code OLLAMA_NUM_PARALLEL}, llama.cpp {@code --parallel}). Calls beyond it wait (at most
         * {@code capacity-wait}) instead of making the server fail them. Unset: only the global limit.
         */
        OptionalInt maxInFlight();

        /** This model's context window, over {@code khulasa.llm.context-window}. */
        OptionalInt contextWindow();

        /** This model's token factor, over {@code khulasa.llm.token-factor}. */
        OptionalDouble tokenFactor();
    }

    interface CircuitBreaker {
        /** Off only in tests whose LLM failures must not leak into other tests. */
        @WithDefault("true")
        boolean enabled();

        /** Rolling window: the breaker judges the last this-many LLM calls. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of failed calls (5xx, timeout, unreachable) in the window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting one probe call through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful probes that close the breaker again. */
        @WithDefault("1")
        int successThreshold();
    }

    interface Fallback {
        /** OpenAI-protocol base URL of the fallback; unset = no fallback. */
        Optional<String> baseUrl();

        /** Its API key (env KHULASA_LLM_FALLBACK_API_KEY). */
        Optional<String> apiKey();

        /** Its model name; unset = the model the primary was asked for. */
        Optional<String> model();

        /** Its call timeout. */
        @WithDefault("60s")
        Duration timeout();
    }

    interface Security {
        /** API keys, comma-separated (env KHULASA_SECURITY_API_KEYS). Any key set = every /v1 call needs one. */
        Optional<List<String>> apiKeys();

        /** A file with one API key per line ({@code #} starts a comment), added to {@link #apiKeys()}. */
        Optional<String> apiKeysFile();

        /** Whether the service may run without any key; false in the container profile, so it refuses to start. */
        @WithDefault("true")
        boolean allowAnonymous();

        /** Whether {@code /q/metrics} needs a key too (when keys are configured). */
        @WithDefault("false")
        boolean protectMetrics();

        /** Per-client request rate. */
        RateLimit rateLimit();
    }

    interface RateLimit {
        /** Requests per minute per API key (per client IP when no keys are configured); 0 = no limit. */
        @WithDefault("0")
        int perMinute();

        /** Most clients tracked at once; the least recently seen are forgotten first. */
        @WithDefault("10000")
        int maxClients();

        /**
         * Redis connection string: buckets shared by every replica (bucket4j's Redis backend); unset = per replica. Redis
         * down falls back to this replica's buckets.
         */
        Optional<String> redis();
    }

    interface TaskOverride {
        /** Model name for this task instead of {@code quarkus.langchain4j.openai.chat-model.model-name}. */
        Optional<String> model();

        /** This task's context window, over the model's and the global one. */
        OptionalInt contextWindow();
    }
}
