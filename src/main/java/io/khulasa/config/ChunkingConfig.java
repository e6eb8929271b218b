package io.khulasa.config;

import java.util.Map;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long articles are split into chunks ({@code khulasa.chunking.*}). Token counts are jtokkit estimates; the served
 * model may count differently, so the budgets keep a margin below the model's real context.
 */
@ConfigMapping(prefix = "khulasa.chunking")
public interface ChunkingConfig {

    /**
     * Article tokens sent in one LLM call (the prompt's own text comes on top). A longer article is split into chunks
     * of at most this many tokens; one within the budget is still sent whole with the single-call prompt.
     */
    @WithDefault("3000")
    int maxInputTokens();

    /** How many chunk calls of one request may be in flight at once (the global limit on LLM calls applies too). */
    @WithDefault("4")
    int maxParallelPerRequest();

    /**
     * How many times a chunk whose completion was cut by the output limit ({@code finish_reason: length}) is split in
     * two and retried before the request fails with {@code llm-truncated}.
     */
    @WithDefault("3")
    int maxSplitDepth();

    /** Most names and terms sent with every translated chunk so that all chunks spell them the same way. */
    @WithDefault("30")
    int maxNames();

    /** jtokkit encoding used for the estimate: {@code o200k_base} or {@code cl100k_base}. */
    @WithDefault("o200k_base")
    String encoding();

    /**
     * Per-model budgets, keyed by model name ({@code khulasa.chunking.model."qwen2.5:7b-instruct".max-input-tokens}),
     * for models with a smaller or larger context than the default.
     */
    Map<String, ModelBudget> model();

    /** A model's own budget. */
    interface ModelBudget {
        /** Overrides {@code khulasa.chunking.max-input-tokens} for this model. */
        OptionalInt maxInputTokens();
    }
}
