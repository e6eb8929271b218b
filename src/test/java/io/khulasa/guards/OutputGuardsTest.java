package io.khulasa.guards;

import static io.khulasa.guards.ReferenceOutputs.NAMES;
import static io.khulasa.guards.ReferenceOutputs.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.khulasa.guards.OutputGuards.Task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class OutputGuardsTest {

    private final OutputGuards guards = new OutputGuards();

    static Stream<Arguments> badOutputs() {
        String t = ReferenceOutputs.TRANSLATION;
        String s = ReferenceOutputs.SUMMARY;
        return Stream.of(
                Arguments.of(Task.TRANSLATION, "", List.of("output-empty")),
                Arguments.of(Task.SUMMARY, "   \n ", List.of("output-empty")),
                Arguments.of(Task.TRANSLATION, "```\n```", List.of("output-empty")),
                Arguments.of(Task.TRANSLATION, "Here is the translation:", List.of("output-empty")),
                Arguments.of(Task.SUMMARY, "«»", List.of("output-empty")),
                Arguments.of(Task.SUMMARY, "**الملخص:**", List.of("output-empty")),
                Arguments.of(Task.SUMMARY, "— … —", List.of("output-empty")),
                Arguments.of(Task.SUMMARY, t, List.of("output-wrong-language")),
                Arguments.of(Task.TRANSLATION, s, List.of("output-wrong-language", "output-echo", "output-missing-names")),
                Arguments.of(Task.TRANSLATION, "Translation:\n" + SOURCE, List.of("output-wrong-language", "output-echo", "output-missing-names")),
                Arguments.of(Task.TRANSLATION, t.replace("December 1", "December 10"), List.of("output-number-mismatch")),
                Arguments.of(Task.TRANSLATION, t.replace("five years", "ten years"), List.of("output-number-mismatch")),
                Arguments.of(Task.SUMMARY, s.replace("خمس سنوات", "عشر سنوات"), List.of("output-number-mismatch")),
                Arguments.of(Task.TRANSLATION, t.replace("Lachin", "Latchin"), List.of("output-missing-names")));
    }

    @ParameterizedTest(name = "{index}: {0} → {2}")
    @MethodSource("badOutputs")
    void badOutputsAreCaughtWithStableCodes(Task task, String output, List<String> codes) {
        GuardReport report = guards.check(task, SOURCE, output, NAMES);
        assertThat(report.failures()).extracting(GuardResult::guard).containsExactlyInAnyOrderElementsOf(codes);
        boolean onlySoft = codes.equals(List.of("output-missing-names"));
        assertThat(report.accepted()).isEqualTo(onlySoft);
        assertThat(report.warnings()).hasSize(codes.contains("output-missing-names") ? 1 : 0);
    }

    @Test
    void goodTranslationPassesEverything() {
        GuardReport report = guards.check(Task.TRANSLATION, SOURCE, ReferenceOutputs.TRANSLATION, NAMES);
        assertThat(report.failures()).isEmpty();
        assertThat(report.accepted()).isTrue();
        assertThat(report.results()).extracting(GuardResult::guard).containsExactly(
                "output-empty", "output-wrong-language", "output-echo", "output-number-mismatch",
                "output-missing-names");
        assertThat(report.cleanedOutput()).isEqualTo(ReferenceOutputs.TRANSLATION);
    }

    @Test
    void goodSummaryPassesEverything() {
        GuardReport report = guards.check(Task.SUMMARY, SOURCE, ReferenceOutputs.SUMMARY, NAMES);
        assertThat(report.failures()).isEmpty();
        assertThat(report.results()).extracting(GuardResult::guard).containsExactly(
                "output-empty", "output-wrong-language", "output-number-mismatch");
    }

    @Test
    void wrappedGoodTranslationIsCleanedAndPasses() {
        String raw = "Sure! Here's the translation:\n```\n" + ReferenceOutputs.TRANSLATION + "\n```\nI hope this helps!";
        GuardReport report = guards.check(Task.TRANSLATION, SOURCE, raw, NAMES);
        assertThat(report.accepted()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(report.cleanedOutput()).isEqualTo(ReferenceOutputs.TRANSLATION);
        assertThat(report.stripped()).hasSize(3);
    }

    @Test
    void everyTranslatedParagraphPassesAgainstItsSourceArticle() {
        for (String paragraph : ReferenceOutputs.translationParagraphs()) {
            GuardReport report = guards.check(Task.TRANSLATION, SOURCE, paragraph, List.of());
            assertThat(report.failures()).as(paragraph).isEmpty();
        }
    }
}
