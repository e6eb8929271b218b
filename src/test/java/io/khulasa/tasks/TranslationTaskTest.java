package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryKind;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;

/** The translation task as a unit: chunks, reassembly, guards on every chunk, glossary per chunk, streams. */
class TranslationTaskTest {

    private final TaskKit kit = new TaskKit(Map.of("khulasa.chunking.max-input-tokens", "1000"));

    @AfterEach
    void close() {
        kit.close();
    }

    private static final TranslationOptions DEFAULTS = new TranslationOptions(null, List.of());

    /** The first chunk translates the title too: its answer starts with the title line. */
    private static Reply english(dev.langchain4j.model.chat.request.ChatRequest request) {
        boolean firstWithTitle = ScriptedModel.user(request).contains("This is the first part");
        String part = ScriptedModel.user(request).contains("part 1 of") ? "first" : "later";
        return Reply.text((firstWithTitle ? "Water Crisis\n" : "") + "The " + part + " part in English.");
    }

    @Test
    void aLongArticleIsTranslatedInChunksAndReassembledInOrder() {
        CleanedArticle article = SummaryTaskTest.article("long-investigation-water.txt");
        TranslationTask.InChunks plan = (TranslationTask.InChunks) kit.translations.plan(article, DEFAULTS, false);
        int n = plan.chunks().size();
        kit.model.answering(r -> Reply.text("Part " + partOf(ScriptedModel.user(r)) + " in English."));
        assertThat(n).isGreaterThan(2);
        TaskResult.Chunked result = (TaskResult.Chunked) kit.translations.run(plan);
        assertThat(result.calls()).hasSize(n);
        assertThat(result.text()).startsWith("Part alpha in English.").contains("Part beta in English.").doesNotContain("  ");
        assertThat(result.chunkUsage()).extracting(ChunkUsage::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, n).boxed().toList());
        assertThat(kit.model.requests()).hasSize(n);
    }

    /** "part 1 of 5" → "alpha": answers carry no number the number guard would look for in the chunk. */
    private static String partOf(String user) {
        if (user.contains("part 1 of")) {
            return "alpha";
        }
        return user.contains("part 2 of") ? "beta" : "gamma";
    }

    @Test
    void aRejectedChunkIsAskedAgainAndTheAcceptedAnswerUsed() {
        CleanedArticle article = SummaryTaskTest.article("long-investigation-water.txt");
        TranslationTask.InChunks plan = (TranslationTask.InChunks) kit.translations.plan(article, DEFAULTS, false);
        String second = plan.chunks().chunks().get(1).text();
        kit.model.answering(r -> ScriptedModel.user(r).contains(second) && !ScriptedModel.isReprompt(r)
                ? Reply.text(second) // the Arabic given back
                : Reply.text("A faithful English translation."));
        TaskResult result = kit.translations.run(plan);
        assertThat(result.text()).doesNotContain(second);
        assertThat(result.calls().get(1).warnings()).anySatisfy(w -> assertThat(w).startsWith("output-reprompted"));
        assertThat(kit.model.requests()).hasSize(plan.chunks().size() + 1);
    }

    @Test
    void aChunkRejectedTwiceFailsTheRequestNamingTheChunk() {
        CleanedArticle article = SummaryTaskTest.article("long-investigation-water.txt");
        TranslationTask.InChunks plan = (TranslationTask.InChunks) kit.translations.plan(article, DEFAULTS, false);
        String third = plan.chunks().chunks().get(2).text();
        kit.model.answering(r -> ScriptedModel.user(r).contains(third) ? Reply.text("ترجمة عربية لا إنجليزية لهذا الجزء")
                : Reply.text("A faithful English translation."));
        assertThatThrownBy(() -> kit.translations.run(plan)).isInstanceOfSatisfying(OutputRejectedException.class, e -> {
            assertThat(e.chunk()).contains(2);
            assertThat(e.task()).isEqualTo(Task.TRANSLATE_CHUNK.id());
        });
    }

    /** Each chunk carries, and is checked for, the glossary entries found in it (the title's only in the first). */
    @Test
    void eachChunkCarriesTheGlossaryEntriesFoundInIt() {
        CleanedArticle article = SummaryTaskTest.article("long-investigation-water.txt");
        String word = firstWordOf(article.text().lines().skip(40).findFirst().orElseThrow());
        GlossaryEntry entry = new GlossaryEntry(word, "Glossary Rendering", GlossaryKind.TERM, null);
        TranslationTask.InChunks plan = (TranslationTask.InChunks) kit.translations.plan(article,
                new TranslationOptions(null, List.of(entry)), false);
        assertThat(plan.chunks().calls()).anySatisfy(call -> assertThat(call.glossary()).contains(entry));
        for (int i = 0; i < plan.chunks().size(); i++) {
            boolean inChunk = plan.chunks().chunks().get(i).text().contains(word);
            assertThat(plan.chunks().calls().get(i).glossary().contains(entry)).as("chunk %d", i).isEqualTo(inChunk);
        }
    }

    private static String firstWordOf(String line) {
        return line.strip().split("\\s+")[0].replaceAll("[^\\p{IsArabic}]", "");
    }

    @Test
    void theTitleIsTranslatedByTheFirstChunkAndStreamedInOrder() {
        CleanedArticle article = new CleanedArticle("أزمة المياه", SummaryTaskTest.article("long-investigation-water.txt")
                .text(), SummaryTaskTest.article("long-investigation-water.txt").report());
        TranslationTask.Plan plan = kit.translations.plan(article, DEFAULTS, false);
        kit.model.answering(TranslationTaskTest::english);
        List<String> sent = new ArrayList<>();
        TaskResult result = kit.translations.stream(plan, SummaryTaskTest.sink(sent));
        assertThat(result.title()).isEqualTo("Water Crisis");
        assertThat(String.join("", sent.stream().filter(s -> !s.startsWith("[chunk")).toList())).isEqualTo(result.text())
                .startsWith("The first part in English.").doesNotContain("Water Crisis");
        assertThat(sent.get(0)).isEqualTo("[chunk 0 of " + result.calls().size() + "]");
    }
}
