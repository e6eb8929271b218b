package io.khulasa.guards;

import static io.khulasa.guards.ReferenceOutputs.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

class EchoGuardTest {

    private final EchoGuard guard = new EchoGuard();

    static Stream<Arguments> echoes() {
        String firstParagraphs = String.join("\n", ReferenceOutputs.sourceParagraphs().subList(3, 6));
        return Stream.of(
                Arguments.of("the whole source", SOURCE),
                Arguments.of("three source paragraphs", firstParagraphs),
                Arguments.of("source without diacritics and with plain alef",
                        firstParagraphs.replace('أ', 'ا').replace('إ', 'ا').replace("ـ", "")),
                Arguments.of("source behind an English lead-in",
                        "The article reports the following:\n" + firstParagraphs),
                Arguments.of("source with Arabic-Indic digits", SOURCE.replace("1", "١")),
                Arguments.of("one source paragraph behind an English label",
                        "Translation of the statement: " + ReferenceOutputs.sourceParagraphs().get(4)),
                Arguments.of("English sentence followed by the untranslated rest",
                        "Turkish Defence Minister Hulusi Akar spoke to Sergei Shoigu yesterday.\n"
                                + String.join("\n", ReferenceOutputs.sourceParagraphs().subList(4, 9))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void echoesFail(String name, String translation) {
        GuardResult result = guard.check(SOURCE, translation);
        assertThat(result.passed()).as(result.detail()).isFalse();
        assertThat(result.hard()).isTrue();
        assertThat(result.guard()).isEqualTo("output-echo");
    }

    @Test
    void realTranslationPasses() {
        GuardResult result = guard.check(SOURCE, ReferenceOutputs.TRANSLATION);
        assertThat(result.passed()).as(result.detail()).isTrue();
        assertThat(EchoGuard.overlap(SOURCE, ReferenceOutputs.TRANSLATION)).isLessThan(0.05);
    }

    @Test
    void everyParagraphTranslationPasses() {
        assertThat(ReferenceOutputs.translationParagraphs())
                .allSatisfy(p -> assertThat(guard.check(SOURCE, p).passed()).as(p).isTrue());
    }

    @Test
    void overlapWithANumberOnlyIsSmall() {
        assertThat(EchoGuard.overlap("حتى 2020", "By 2020 the forces will have withdrawn from the provinces."))
                .isLessThan(0.1);
        assertThat(EchoGuard.overlap(SOURCE, "")).isZero();
    }
}
