package io.khulasa.guards;

import static io.khulasa.guards.ReferenceOutputs.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /**
     * The fast overlap (folded chars, packed grams in a hash table) is the plain definition: the share of the folded
     * output's distinct 4-gram strings that occur in the folded source, folded with the regular expressions the guard's
     * documentation states. Over every test article against itself, its halves, its English translation, a mix of the
     * two scripts and short inputs.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void overlapIsThePlainDefinition(String name, String source, String output) {
        assertThat(EchoGuard.fold(output)).isEqualTo(plainFold(output));
        assertThat(EchoGuard.overlap(source, output)).isEqualTo(plainOverlap(source, output));
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String file : List.of("gaza-aid.txt", "long-investigation-water.txt", "oil-prices.cleaned.txt",
                "syria-elections-mojibake.txt", "taif-post-karabakh.txt", "tech-ai-pdf.txt")) {
            String text = article(file);
            String half = text.substring(text.length() / 2);
            pairs.add(Arguments.of(file + ", itself", text, text));
            pairs.add(Arguments.of(file + ", its second half", text, half));
            pairs.add(Arguments.of(file + ", the reference translation", text, ReferenceOutputs.TRANSLATION));
            pairs.add(Arguments.of(file + ", English then its second half", text,
                    ReferenceOutputs.TRANSLATION.substring(0, 400) + "\n" + half));
        }
        pairs.add(Arguments.of("marks, alef forms, digits and a supplementary letter", "أَحمدُ ـ إلى ٢٠٢٤ 𝒜bc",
                "احمد الي 2024 𝒜bc"));
        pairs.add(Arguments.of("three characters", SOURCE, "abc"));
        pairs.add(Arguments.of("punctuation only", SOURCE, "... — !!"));
        return pairs.stream();
    }

    private static String article(String file) {
        try (var in = EchoGuardTest.class.getResourceAsStream("/articles/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plainFold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\u064B-\\u065F\\u0670\\u0640]", "")
                .replaceAll("[أإآٱ]", "ا").replace('ى', 'ي').replace('ة', 'ه');
        return s.replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }

    private static double plainOverlap(String source, String output) {
        Set<String> outputGrams = grams(plainFold(output));
        if (outputGrams.isEmpty()) {
            return 0;
        }
        Set<String> sourceGrams = grams(plainFold(source));
        return (double) outputGrams.stream().filter(sourceGrams::contains).count() / outputGrams.size();
    }

    private static Set<String> grams(String folded) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 4 <= folded.length(); i++) {
            String gram = folded.substring(i, i + 4);
            if (!gram.isBlank()) {
                grams.add(gram);
            }
        }
        return grams;
    }
}
