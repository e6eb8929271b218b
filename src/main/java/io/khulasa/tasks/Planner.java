package io.khulasa.tasks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.NameListExtractor;
import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.chunking.TokenEstimator;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.config.ChunkingConfig;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.llm.LlmException;
import io.khulasa.llm.LlmServerInfo;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptCatalogue;
import io.khulasa.prompts.PromptTemplate;
import io.khulasa.prompts.RenderedPrompt;

/**
 * What every task plan needs before its first LLM call: prompt versions resolved, models chosen, the article's tokens
 * counted, the chunk budget and the chunker, the article's names list. It plans only: the calls run on the
 * {@link CallExecutor}.
 * <p>
 * <b>Budget</b>: the article tokens one call may carry are the least of
 * <ul>
 * <li>{@code khulasa.chunking.max-input-tokens} (or the model's own {@code khulasa.chunking.model."<name>"} value);</li>
 * <li>for a translation, the prompt's {@code max-output-tokens}: the answer is about as long as the input, and a chunk
 * the model cannot finish within its output limit would come back cut;</li>
 * <li>what fits the <b>context window</b>: prompt (instructions, title, names, glossary, article) and answer
 * ({@code max-output-tokens}) must fit the model's window ({@code khulasa.llm.context-window}, per model or task), with
 * tokens counted as the server counts them: its own {@code /tokenize} when it has one, else the o200k estimate times
 * {@code khulasa.llm.token-factor};</li>
 * <li>after the server said a prompt was over its window, what fits the window it said, and at most half the budget
 * that failed ({@link #smallerBudget}).</li>
 * </ul>
 */
@ApplicationScoped
public class Planner {

    /** The chat template's own tokens (role markers), on top of the messages. */
    static final int TEMPLATE_TOKENS = 64;
    /** Answer tokens assumed for a prompt without {@code max-output-tokens}. */
    static final int DEFAULT_OUTPUT_TOKENS = 1024;
    /** Never cut chunks smaller than this: below it the prompt's own instructions dominate. */
    static final int MIN_BUDGET = 200;
    /** A reported window below this is a misreading, not a model's context (none is that small). */
    static final int MIN_REPORTED_WINDOW = 1024;

    private final PromptCatalogue catalogue;
    private final ChunkingConfig chunking;
    private final KhulasaConfig config;
    private final LlmServerInfo server;
    private final String defaultModel;
    /** Context windows servers reported in overflow answers (llama.cpp's n_ctx), by model: they win over configuration. */
    private final Map<String, Integer> reportedWindows = new ConcurrentHashMap<>();
    private final TokenEstimator tokens;
    /** System prompts' tokens, by the prompt's text ({@link #systemTokens}). */
    private final Map<String, Integer> systemTokens = new ConcurrentHashMap<>();
    private final SentenceSplitter sentences = new SentenceSplitter();
    private final NameListExtractor names;

    public Planner(PromptCatalogue catalogue, ChunkingConfig chunking, KhulasaConfig config, LlmServerInfo server,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String defaultModel) {
        this.catalogue = catalogue;
        this.chunking = chunking;
        this.config = config;
        this.server = server;
        this.defaultModel = defaultModel;
        this.tokens = TokenEstimator.forEncoding(chunking.encoding());
        this.names = new NameListExtractor(Math.max(1, chunking.maxNames()));
    }

    /**
     * @param version null for the task's default version
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown version
     */
    PromptTemplate prompt(Task task, String version) {
        return catalogue.resolve(task.id(), version);
    }

    /**
     * The model for a task: its own {@code khulasa.tasks.<task>.model}, else for a step of a long article (a chunk,
     * the reduce) the model of the task it is a step of, so that a model chosen for {@code translate} also translates
     * the chunks of long articles; else the configured default.
     */
    String model(Task task) {
        KhulasaConfig.TaskOverride override = config.tasks().get(task.id());
        if (override != null && override.model().isPresent()) {
            return override.model().get();
        }
        return task.stepOf() == task ? defaultModel : model(task.stepOf());
    }

    /**
     * The article with its body's token count, and how many of the server's tokens one estimated token is for it:
     * measured by the server's {@code /tokenize} when it has one, else {@code khulasa.llm.token-factor}.
     */
    MeasuredArticle measure(CleanedArticle article) {
        int estimate = tokens.count(article.text());
        OptionalInt counted = estimate == 0 ? OptionalInt.empty() : server.count(article.text());
        // A little margin over the measured ratio: the prompt's instructions are English, the article Arabic.
        Double ratio = counted.isPresent() ? Math.max(0.5, 1.05 * counted.getAsInt() / estimate) : null;
        return new MeasuredArticle(article, estimate, ratio);
    }

    /** Estimated tokens of a text. */
    int tokens(String text) {
        return tokens.count(text);
    }

    /** Article tokens per call for this model, as configured. */
    int maxInputTokens(String model) {
        ChunkingConfig.ModelBudget budget = model == null ? null : chunking.model().get(model);
        int max = budget != null && budget.maxInputTokens().isPresent() ? budget.maxInputTokens().getAsInt()
                : chunking.maxInputTokens();
        return Math.max(1, max);
    }

    /**
     * The context window of a task's model: the task's own setting, else the smaller of what the server reported and
     * the model's (or the global) setting.
     */
    int contextWindow(Task task, String model) {
        KhulasaConfig.TaskOverride override = config.tasks().get(task.id());
        if (override != null && override.contextWindow().isPresent()) {
            return override.contextWindow().getAsInt();
        }
        KhulasaConfig.ModelSettings settings = config.llm().model().get(model);
        int configured = settings != null && settings.contextWindow().isPresent() ? settings.contextWindow().getAsInt()
                : config.llm().contextWindow();
        Integer reported = reportedWindows.get(model);
        return reported == null ? configured : Math.min(configured, reported);
    }

    /** Server tokens per estimated token for this model, when the server does not count for khulasa. */
    double tokenFactor(String model) {
        KhulasaConfig.ModelSettings settings = config.llm().model().get(model);
        return settings != null && settings.tokenFactor().isPresent() ? settings.tokenFactor().getAsDouble()
                : config.llm().tokenFactor();
    }

    /** Estimated tokens of a prompt without its article: instructions, title, names, glossary. */
    int overhead(PromptTemplate prompt, Map<Placeholder, String> values) {
        Map<Placeholder, String> withoutArticle = new EnumMap<>(Placeholder.class);
        withoutArticle.putAll(values);
        withoutArticle.put(Placeholder.ARTICLE, "");
        RenderedPrompt rendered = prompt.render(withoutArticle);
        return systemTokens(rendered.system()) + tokens.count(rendered.user());
    }

    /** System prompts whose tokens are remembered: one or two per prompt version; beyond it they are counted. */
    static final int REMEMBERED_SYSTEM_PROMPTS = 64;

    /**
     * The tokens of a system prompt, counted once: a released prompt's instructions do not change, yet every request
     * counted their kilobytes again, each of some hundreds of segments a look-up in the word cache, a cache miss
     * apiece after an idle spell (issue 20). A prompt whose system part carries the request's values (a title) is
     * remembered until {@value #REMEMBERED_SYSTEM_PROMPTS} are, then counted each time.
     */
    private int systemTokens(String system) {
        Integer known = systemTokens.get(system);
        if (known != null) {
            return known;
        }
        int counted = tokens.count(system);
        if (systemTokens.size() < REMEMBERED_SYSTEM_PROMPTS) {
            systemTokens.put(system, counted);
        }
        return counted;
    }

    /**
     * Article tokens (estimated) one call of this prompt may carry; see the class comment.
     *
     * @param overhead the prompt's own tokens ({@link #overhead})
     * @param cap      a budget that failed before and must not be reached again, or 0
     */
    int budget(PromptTemplate prompt, Task task, String model, MeasuredArticle article, int overhead, int cap) {
        int budget = maxInputTokens(model);
        int output = prompt.maxOutputTokens() == null ? DEFAULT_OUTPUT_TOKENS : prompt.maxOutputTokens();
        if (task.answerFollowsInput()) {
            budget = Math.min(budget, output);
        }
        double factor = article.serverRatio() != null ? article.serverRatio() : tokenFactor(model);
        int fits = (int) Math.floor((contextWindow(task, model) - output - TEMPLATE_TOKENS) / factor) - overhead;
        budget = Math.min(budget, fits);
        if (cap > 0) {
            budget = Math.min(budget, cap);
        }
        return Math.max(MIN_BUDGET, budget);
    }

    /**
     * The budget to plan again with after the server said a prompt was over its context window: what fits the window
     * it reported (remembered for the model: later plans use it), and at most half of the budget that failed.
     */
    int smallerBudget(int failedBudget, String model, LlmException overflow) {
        overflow.overflow().map(LlmException.ContextOverflow::contextWindow).filter(w -> w >= MIN_REPORTED_WINDOW)
                .ifPresent(window -> reportedWindows.merge(model, window, Math::min));
        return Math.max(MIN_BUDGET, failedBudget / 2);
    }

    /** A chunker cutting to this budget. */
    ArticleChunker chunker(int budget) {
        return new ArticleChunker(tokens, sentences, budget);
    }

    /** The article's names and terms (title included), as {@code - name} lines; empty when none. */
    String namesList(MeasuredArticle article) {
        List<String> found = names.extract(article.titleAndText());
        return found.isEmpty() ? "" : String.join("\n", found.stream().map(n -> "- " + n).toList());
    }

    /**
     * What the output guards check an answer against: the Arabic the call was given, the title line first when the
     * prompt carried one.
     */
    static String guardSource(PromptTemplate prompt, String title, String text) {
        boolean withTitle = title != null && !title.isBlank() && prompt.placeholders().contains(Placeholder.TITLE);
        return withTitle ? title + "\n" + text : text;
    }
}
