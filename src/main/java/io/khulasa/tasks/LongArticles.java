package io.khulasa.tasks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.NameListExtractor;
import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.chunking.TokenEstimator;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.config.ChunkingConfig;
import io.khulasa.prompts.PromptTemplate;

/**
 * Decides whether an article is sent whole or in chunks, and provides what chunked tasks share: the token budget per
 * model, the chunker, the article's names list and the virtual threads chunk calls run on.
 * <p>
 * Budget: {@code khulasa.chunking.max-input-tokens} (or the model's own {@code khulasa.chunking.model."<name>"}
 * value) article tokens per call. For a translation the answer is about as long as the input, so the prompt's
 * {@code max-output-tokens} caps the chunk size too: a chunk the model cannot finish within its output limit would
 * come back cut.
 */
@ApplicationScoped
public class LongArticles {

    private final ChunkingConfig config;
    private final TokenEstimator tokens;
    private final SentenceSplitter sentences = new SentenceSplitter();
    private final NameListExtractor names;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    public LongArticles(ChunkingConfig config) {
        this.config = config;
        this.tokens = TokenEstimator.forEncoding(config.encoding());
        this.names = new NameListExtractor(Math.max(1, config.maxNames()));
    }

    /** Article tokens per call for this model. */
    public int maxInputTokens(String model) {
        ChunkingConfig.ModelBudget budget = model == null ? null : config.model().get(model);
        int max = budget != null && budget.maxInputTokens().isPresent() ? budget.maxInputTokens().getAsInt()
                : config.maxInputTokens();
        return Math.max(1, max);
    }

    /**
     * The chunk budget for a task.
     *
     * @param outputFollowsInput true for a translation: the answer is as long as the input, so the prompt's output
     *                           limit caps the chunk too
     */
    public int budget(PromptTemplate prompt, String model, boolean outputFollowsInput) {
        int budget = maxInputTokens(model);
        if (outputFollowsInput && prompt.maxOutputTokens() != null) {
            budget = Math.min(budget, prompt.maxOutputTokens());
        }
        return budget;
    }

    /** Estimated tokens of a text. */
    public int tokens(String text) {
        return tokens.count(text);
    }

    /** A chunker for this budget. */
    public ArticleChunker chunker(int budget) {
        return new ArticleChunker(tokens, sentences, budget);
    }

    /** The article's names and terms (title included), as {@code - name} lines; empty when none. */
    public String namesList(CleanedArticle article) {
        String text = article.title() == null || article.title().isBlank() ? article.text()
                : article.title() + "\n" + article.text();
        List<String> found = names.extract(text);
        return found.isEmpty() ? "" : String.join("\n", found.stream().map(n -> "- " + n).toList());
    }

    /** A new per-request execution of chunk calls, at most {@code max-parallel-per-request} in flight. */
    ChunkExecution execution(ArticleChunker chunker) {
        return new ChunkExecution(virtualThreads, Math.max(1, config.maxParallelPerRequest()), chunker,
                Math.max(0, config.maxSplitDepth()));
    }

    ExecutorService virtualThreads() {
        return virtualThreads;
    }

    @PreDestroy
    void shutdown() {
        virtualThreads.shutdownNow();
    }
}
