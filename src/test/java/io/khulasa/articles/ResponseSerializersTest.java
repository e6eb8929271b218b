package io.khulasa.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.api.ResponseJsonCustomizer;
import io.khulasa.cleaning.CleaningReport;
import io.khulasa.cleaning.FlaggedToken;
import io.khulasa.cleaning.RemovedLine;
import io.khulasa.cleaning.RepairedWord;
import io.khulasa.llm.Usage;
import io.khulasa.tasks.ChunkUsage;
import io.khulasa.tasks.Provenance;

/**
 * The hand-written writers give byte for byte what Jackson's bean serializer gives for the same value: a table of
 * values (nulls, empty lists, Arabic with quotes, line breaks and controls, scores that print long, the provenance
 * with and without the fields its {@code @JsonInclude} rules leave out, the cleaning report with and without its
 * text), each written by a plain {@code ObjectMapper} and by one with {@link ResponseSerializers#module()}, alone and
 * inside the lists and answers that carry them.
 */
class ResponseSerializersTest {

    private static final ObjectMapper BEANS = new ObjectMapper();
    private static final ObjectMapper WRITERS = new ObjectMapper().registerModule(ResponseSerializers.module());

    static Stream<Object> values() {
        ArticleSpan span = new ArticleSpan(0, 58, "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة.");
        ArticleSpan quoted = new ArticleSpan(164, 326, "قال \"آكار\" إن\nالمحادثات\t«تناولت» \\ \u0001 آخر التطورات 😀");
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("summarize", "v2");
        prompts.put("translate", "v4");
        Map<String, Integer> rules = new LinkedHashMap<>();
        rules.put("split-word", 7);
        rules.put("duplicate-title", 2);
        Provenance full = new Provenance("27a3aef1-bfe7-4129-af80-b7dcec16582f", "82398c35f51fc9b31ef3af52d588b727",
                "fake-llm", prompts, Map.of("summarize", "024f5d5c"), new Usage(925, 64), 2, 489,
                List.of(new Provenance.AppliedGlossaryEntry("قره باغ", "Nagorno-Karabakh", "place")),
                List.of("unsupported-sentence: 3 of 3 sentences (indexes 0, 1, 2)"), "llm", false, 3,
                List.of(new ChunkUsage("summarize-chunk", 0, 900, 60, 120, 1), new ChunkUsage("summarize-reduce", 3, 200,
                        50, 80, 1)), List.of("summarize"));
        Provenance bare = new Provenance(null, null, null, Map.of(), Map.of(), Usage.NONE, 0, 0, List.of(), List.of(),
                "extractive", true, null, null, List.of());
        Provenance nullParts = new Provenance("id", null, "m", null, null, null, 1, 2, null, null, null, false, null,
                null, null);
        CleaningReport report = new CleaningReport(2819, 2409,
                List.of(new RemovedLine("byline", "طيف بوست – فريق التحرير")),
                List.of(new RepairedWord("split-word", "الصـ.ـراع", "الصراع")),
                List.of(new FlaggedToken("dot-between-words", "كلمة.كلمة", "a dot between two words")), "وكالات",
                null, rules);
        CleaningReport empty = new CleaningReport(0, 0, List.of(), List.of(), List.of(), null, "طيف بوست", Map.of());
        return Stream.of(
                full,
                bare,
                nullParts,
                report,
                empty,
                report.withText("النص المنظف\nكاملاً"),
                new Usage(0, Long.MAX_VALUE),
                new FlaggedToken(null, "x", null),
                new SummaryResponse("ملخص \"الخبر\".", "عنوان", List.of(new SummarySentence("ملخص.", true, 0.9,
                        List.of(span))), full, report),
                new SummaryResponse(null, null, null, null, null),
                new SummaryResponse("", null, List.of(), bare, empty),
                span,
                quoted,
                new ArticleSpan(0, 0, null),
                new ArticleSpan(0, 0, ""),
                new SummarySentence("سجلت وزارة الصحة 120 إصابة جديدة.", true, 0.83, List.of(span, quoted)),
                new SummarySentence("جملة ليست في الخبر.", false, 0.1379310344827586, List.of()),
                new SummarySentence(null, false, 0.0, null),
                new SummarySentence("x", true, 1.0, Arrays.asList(span, null)),
                new SummarySentence("y", true, 1e-7, List.of(quoted)),
                new RemovedLine("duplicate-title", "محادثات روسية تركية جديدة بشأن سوريا على غرار ما جرى في “قره باغ”"),
                new RemovedLine("related-link", null),
                new RepairedWord("split-word", "الصـ.ـراع", "الصراع"),
                new RepairedWord(null, "a\"b", null),
                List.of(new RemovedLine("byline", "طيف بوست – فريق التحرير"), new RemovedLine("x", "y")),
                List.of(new RepairedWord("split-word", "النـ.ـار", "النار")),
                List.of(new SummarySentence("a", true, 0.5, List.of(span)), new SummarySentence("b", false, 0.25,
                        List.of(quoted, span))));
    }

    /** The service's mapper, as its customizer leaves it, writes each of these records with its own writer. */
    @ParameterizedTest
    @ValueSource(classes = { SummaryResponse.class, SummarySentence.class, ArticleSpan.class, Provenance.class,
            CleaningReport.class, RemovedLine.class, RepairedWord.class, FlaggedToken.class })
    void theServiceMapperUsesTheWriters(Class<?> type) throws Exception {
        ObjectMapper service = new ObjectMapper();
        new ResponseJsonCustomizer().customize(service);
        JsonSerializer<Object> writer = service.getSerializerProviderInstance().findValueSerializer(type);
        assertEquals(ResponseSerializers.class, writer.getClass().getEnclosingClass(), type + " is written by " + writer);
    }

    @ParameterizedTest
    @MethodSource("values")
    void writesWhatTheBeanSerializerWrites(Object value) throws Exception {
        assertEquals(BEANS.writeValueAsString(value), WRITERS.writeValueAsString(value));
    }
}
