package io.khulasa.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

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
        /** Largest article accepted, in UTF-8 bytes of the {@code text} or {@code html} field. */
        @WithDefault("262144")
        int maxArticleBytes();
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
    }

    interface TaskOverride {
        /** Model name for this task instead of {@code quarkus.langchain4j.openai.chat-model.model-name}. */
        Optional<String> model();
    }
}
