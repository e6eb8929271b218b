package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.config.ChunkingConfig;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryPromptFormatter;
import io.khulasa.llm.ChatGateway;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptCatalogue;
import io.khulasa.prompts.PromptTemplate;

/**
 * Translates an article too long for one call: split into chunks at paragraph, then sentence boundaries
 * ({@link ArticleChunker}), each chunk translated with the {@code translate-chunk} prompt, concurrently, then
 * reassembled in article order. The title and the article's names list travel with every chunk so that names are
 * spelled the same way everywhere; the first chunk also translates the title. The glossary entries (house and
 * request) found in a chunk (and, for the first chunk, the title) go into that chunk's {@code {{glossary}}}, and each chunk's translation is
 * checked for their renderings as a whole-article translation is.
 * <p>
 * Each chunk call has the core's attempt budget ({@code khulasa.llm.max-attempts}, retries of 429/5xx included): the
 * "at most 4 LLM calls per task" rule applies per chunk call. A chunk whose completion is cut by the output limit is
 * split in two and retried ({@code khulasa.chunking.max-split-depth} times at most), never returned cut.
 */
@ApplicationScoped
public class ChunkedTranslationService {

    private final PromptedTaskRunner runner;
    private final TranslationService translations;
    private final PromptCatalogue catalogue;
    private final LongArticles longArticles;
    private final ChatGateway gateway;
    private final ChunkingConfig config;

    public ChunkedTranslationService(PromptedTaskRunner runner, TranslationService translations, PromptCatalogue catalogue,
            LongArticles longArticles, ChatGateway gateway, ChunkingConfig config) {
        this.runner = runner;
        this.translations = translations;
        this.catalogue = catalogue;
        this.longArticles = longArticles;
        this.gateway = gateway;
        this.config = config;
    }

    /**
     * The chunk plan for an article over the single-call budget, or null when the article fits one {@code translate}
     * call. Resolves the requested {@code translate} version either way, so an unknown version is a 404 for a long
     * article too.
     *
     * @param requestGlossary the request's validated glossary entries (may be empty)
     * @throws io.khulasa.prompts.PromptNotFoundException for an unknown version
     */
    public ChunkPlan plan(CleanedArticle article, String translatePromptVersion, List<GlossaryEntry> requestGlossary) {
        PromptTemplate single = catalogue.resolve(Tasks.TRANSLATE, translatePromptVersion);
        int singleBudget = longArticles.budget(single, runner.modelFor(Tasks.TRANSLATE), true);
        if (longArticles.tokens(article.text()) <= singleBudget) {
            return null;
        }
        PromptTemplate chunkPrompt = catalogue.resolve(Tasks.TRANSLATE_CHUNK, null);
        String model = runner.modelFor(Tasks.TRANSLATE_CHUNK, Tasks.TRANSLATE);
        ArticleChunker chunker = longArticles.chunker(longArticles.budget(chunkPrompt, model, true));
        List<Chunk> chunks = chunker.chunk(article.text());
        return new ChunkPlan(article, chunkPrompt, model, chunker, chunks, longArticles.namesList(article),
                requestGlossary);
    }

    /** Translates the chunks concurrently; the answer is in article order. Throws {@link io.khulasa.llm.LlmException}. */
    public ChunkedOutcome translate(ChunkPlan plan) {
        List<ChunkExecution.Piece> pieces = longArticles.execution(plan.chunker())
                .run(plan.chunks(), (chunk, part) -> {
                    // Chunk answers skip the whole-answer output guards; each is checked for its glossary entries.
                    PreparedCall call = prepare(plan, chunk, part);
                    return translations.checked(call, translations.run(call));
                });
        List<TaskOutcome> outcomes = pieces.stream().map(ChunkExecution.Piece::outcome).toList();
        List<String> separators = pieces.stream().map(p -> separator(p.chunk())).toList();
        return new ChunkedOutcome(Tasks.TRANSLATE, join(outcomes, separators), outcomes.get(0).title(), outcomes,
                ChunkExecution.usage(Tasks.TRANSLATE_CHUNK, pieces), ChunkExecution.extraCalls(pieces));
    }

    /**
     * Translates the chunks concurrently, streaming from the LLM, and hands the text to the sink in article order.
     * A chunk cut by the output limit ends the stream with {@code llm-truncated} (streamed text cannot be re-split).
     */
    public ChunkedOutcome stream(ChunkPlan plan, DeltaSink sink) {
        int n = plan.chunks().size();
        List<PreparedCall> calls = new ArrayList<>(n);
        List<String> separators = new ArrayList<>(n);
        for (Chunk chunk : plan.chunks()) {
            calls.add(prepare(plan, chunk, (chunk.index() + 1) + " of " + n));
            separators.add(separator(chunk));
        }
        List<TaskOutcome> streamed = OrderedStreams.stream(gateway, longArticles.virtualThreads(),
                config.maxParallelPerRequest(), calls, separators, sink);
        List<TaskOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(translations.checked(calls.get(i), streamed.get(i)));
        }
        List<ChunkUsage> usage = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var llm = outcomes.get(i).llm();
            usage.add(new ChunkUsage(Tasks.TRANSLATE_CHUNK, i, llm.usage().inputTokens(), llm.usage().outputTokens(),
                    llm.durationMs(), llm.attempts()));
        }
        return new ChunkedOutcome(Tasks.TRANSLATE, join(outcomes, separators), outcomes.get(0).title(), outcomes, usage, 0);
    }

    /**
     * Renders the chunk prompt: the chunk as {@code {{article}}}, the title and names, the part, the first-part flag,
     * and the glossary entries found in the chunk and the title.
     */
    PreparedCall prepare(ChunkPlan plan, Chunk chunk, String part) {
        PromptTemplate prompt = plan.chunkPrompt();
        String title = plan.article().title();
        Map<Placeholder, String> values = prompt.values(chunk.text(), title, Map.of());
        values.put(Placeholder.NAMES, plan.names());
        values.put(Placeholder.PART, part);
        boolean first = chunk.index() == 0;
        if (first) {
            values.put(Placeholder.FIRST_PART, "yes");
        }
        List<GlossaryEntry> glossary = List.of();
        if (prompt.placeholders().contains(Placeholder.GLOSSARY)) {
            // Only the first chunk translates the title; in the others it is context, and its renderings would be
            // reported missing from their answers.
            boolean titleTranslated = first && title != null && !title.isBlank();
            glossary = translations.entriesIn(titleTranslated ? title + "\n" + chunk.text() : chunk.text(), plan.glossary());
            values.put(Placeholder.GLOSSARY, GlossaryPromptFormatter.formatEntries(glossary));
        }
        boolean titleSent = first && title != null && !title.isBlank() && prompt.placeholders().contains(Placeholder.TITLE);
        return new PreparedCall(Tasks.TRANSLATE_CHUNK, prompt.render(values), plan.model(), titleSent, glossary);
    }

    /**
     * Between two translated chunks: a blank line where the article had a paragraph break (the translation's paragraph
     * separator), a space where a long paragraph was cut.
     */
    static String separator(Chunk chunk) {
        if (chunk.separatorAfter().isEmpty()) {
            return "";
        }
        return chunk.endsParagraph() ? "\n\n" : " ";
    }

    static String join(List<TaskOutcome> outcomes, List<String> separators) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < outcomes.size(); i++) {
            sb.append(outcomes.get(i).text().strip());
            if (i + 1 < outcomes.size()) {
                sb.append(separators.get(i));
            }
        }
        return sb.toString();
    }
}
