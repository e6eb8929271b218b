package io.khulasa.tasks;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.llm.LlmCall;
import io.khulasa.llm.LlmResult;
import io.khulasa.prompts.OutputShape;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptCatalogue;
import io.khulasa.prompts.PromptTemplate;
import io.khulasa.prompts.RenderedPrompt;

/**
 * Prepares and runs one prompted task: resolve the prompt version, render it with the cleaned article, choose the
 * model, call the LLM (unless the {@link ResultCache} has the answer), guard the answer ({@link GuardedCompletion}:
 * wrappers stripped, one reprompt on a hard failure), read it back in the shape the prompt asked for.
 */
@ApplicationScoped
public class PromptedTaskRunner {

    private final PromptCatalogue catalogue;
    private final GuardedCompletion guarded;
    private final ResultCache cache;
    private final KhulasaConfig config;
    private final String defaultModel;

    public PromptedTaskRunner(PromptCatalogue catalogue, GuardedCompletion guarded, ResultCache cache, KhulasaConfig config,
            @ConfigProperty(name = "quarkus.langchain4j.openai.chat-model.model-name") String defaultModel) {
        this.catalogue = catalogue;
        this.guarded = guarded;
        this.cache = cache;
        this.config = config;
        this.defaultModel = defaultModel;
    }

    /**
     * Resolves and renders the prompt; no LLM call.
     *
     * @param version null for the task's default version
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown version
     */
    public PreparedCall prepare(String task, String version, CleanedArticle article, Map<Placeholder, String> choices) {
        return prepare(task, version, article, choices, Map.of());
    }

    /**
     * Resolves and renders the prompt with extra placeholder values (e.g. {@link Placeholder#GLOSSARY}); no LLM call.
     * A value for a placeholder the prompt does not use is ignored; a blank value hides its section.
     *
     * @param version null for the task's default version
     * @param extra   values merged over the article, title and option values
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown version
     */
    public PreparedCall prepare(String task, String version, CleanedArticle article, Map<Placeholder, String> choices,
            Map<Placeholder, String> extra) {
        PromptTemplate template = catalogue.resolve(task, version);
        Map<Placeholder, String> values = template.values(article.text(), article.title(), choices);
        values.putAll(extra);
        RenderedPrompt rendered = template.render(values);
        boolean titleSent = article.title() != null && !article.title().isBlank()
                && template.placeholders().contains(Placeholder.TITLE);
        // The guards check the answer against what was sent: the title (translated too) and the cleaned body.
        String source = titleSent ? article.title() + "\n" + article.text() : article.text();
        return new PreparedCall(task, rendered, modelFor(task), titleSent, List.of(), source, false);
    }

    /**
     * Calls the LLM (or answers from the result cache) and guards the answer ({@link GuardedCompletion}); throws
     * {@link io.khulasa.llm.LlmException} or {@link io.khulasa.guards.OutputRejectedException} on failure.
     */
    public TaskOutcome run(PreparedCall call) {
        return cache.get(call, () -> {
            GuardedCompletion.Answer answer = guarded.complete(call, llmCall(call));
            return outcomeOf(call, answer.result()).withGlossary(call.glossary(), answer.warnings());
        });
    }

    /** The LLM call for a prepared task. */
    static LlmCall llmCall(PreparedCall call) {
        PromptTemplate template = call.prompt().template();
        return new LlmCall(call.task(), call.model(), call.prompt().system(), call.prompt().user(),
                template.temperature(), template.maxOutputTokens());
    }

    /** Reads a completion back in the shape the prompt asked for. */
    static TaskOutcome outcomeOf(PreparedCall call, LlmResult result) {
        PromptTemplate template = call.prompt().template();
        if (template.output() == OutputShape.TITLE_THEN_BODY && call.titleSent()) {
            String text = result.text();
            int nl = text.indexOf('\n');
            if (nl > 0) {
                String body = text.substring(nl + 1).strip();
                if (!body.isEmpty()) {
                    return new TaskOutcome(call.task(), body, text.substring(0, nl).strip(), template, result);
                }
            }
            // One line only: the model translated the article without a separate title line.
        }
        return new TaskOutcome(call.task(), result.text(), null, template, result);
    }

    /**
     * The model for a chunk task: its own {@code khulasa.tasks.<chunk-task>.model}, else the parent task's model, so
     * that a model chosen for {@code translate} also translates the chunks of long articles.
     */
    String modelFor(String chunkTask, String parentTask) {
        KhulasaConfig.TaskOverride override = config.tasks().get(chunkTask);
        return override != null && override.model().isPresent() ? override.model().get() : modelFor(parentTask);
    }

    /** The model for a task: {@code khulasa.tasks.<task>.model} or the configured default. */
    String modelFor(String task) {
        KhulasaConfig.TaskOverride override = config.tasks().get(task);
        return override == null ? defaultModel : override.model().orElse(defaultModel);
    }
}
