package io.khulasa.guards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The number guard reads articles without building a string per word (a hash filter over its word tables, the dual
 * rule on the characters, word spans in arrays); it must find exactly what {@link NumberGuardBefore}, the
 * implementation it replaced, found: the same numbers, surfaces and values, in the same order, on both sides (source
 * and output), for every text fixture of the tests and for generated text dense in number words, prefixes, marks,
 * duals and digits.
 */
class NumberGuardEquivalenceTest {

    static Stream<Path> fixtures() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src/test/resources/articles", "src/test/resources/pages", "src/test/resources/golden")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(txt|html|json)$")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(20);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void sameNumbersInEveryFixture(Path file) {
        String text = read(file);
        assertSame(text);
    }

    @Test
    void sameNumbersInReferenceOutputs() {
        assertSame(ReferenceOutputs.SOURCE);
        assertSame(ReferenceOutputs.SUMMARY);
        assertSame(ReferenceOutputs.TRANSLATION);
    }

    @Test
    void sameNumbersInGeneratedText() {
        NumberWords words = NumberWords.load();
        List<String> vocabulary = new ArrayList<>();
        vocabulary.addAll(words.arabicNumbers().keySet());
        vocabulary.addAll(words.arabicScales().keySet());
        vocabulary.addAll(words.arabicSourceOnly().keySet());
        vocabulary.addAll(words.englishNumbers().keySet());
        vocabulary.addAll(words.englishScales().keySet());
        vocabulary.addAll(words.scalesAfterDigits().keySet());
        List<String> others = List.of("البلدين", "قاعدتين", "الوزيرين", "المسلمين", "العربيين", "الدولتان", "سنتين",
                "حرب", "قال", "إن", "الحكومة", "ين", "تين", "التين", "اليين", "ال", "و", "ب", "لل", "ف", "ـ", "٣", "١٬٥٠٠",
                "٣٫٥", "1,500", "2.5", "20", "million", "and", "a", "one", "people", "-", "،", ".", "%");
        String[] prefixes = {"", "", "", "و", "ب", "ل", "ف", "ال", "وال", "بال", "لل"};
        String[] marks = {"", "", "", "", "\u064E", "\u0650", "\u064B", "\u0640", "\u0670", "\u0651"};
        String[] gaps = {" ", " ", " ", "  ", "\n", "، ", " و", "-", ". ", "\u00A0"};
        Random random = new Random(20);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int w = 0; w < length; w++) {
                String word = random.nextInt(3) == 0 ? others.get(random.nextInt(others.size()))
                        : vocabulary.get(random.nextInt(vocabulary.size()));
                String prefix = prefixes[random.nextInt(prefixes.length)];
                String mark = marks[random.nextInt(marks.length)];
                int at = word.isEmpty() ? 0 : random.nextInt(word.length() + 1);
                sb.append(prefix).append(word, 0, at).append(mark).append(word.substring(at));
                sb.append(gaps[random.nextInt(gaps.length)]);
            }
            assertSame(sb.toString());
        }
    }

    private static void assertSame(String text) {
        for (boolean isSource : new boolean[] {true, false}) {
            List<String> now = NumberGuard.extract(text, isSource).stream()
                    .map(f -> f.surface() + " = " + f.values()).toList();
            List<String> before = NumberGuardBefore.extract(text, isSource).stream()
                    .map(f -> f.surface() + " = " + f.values()).toList();
            assertThat(now).as("isSource=%s: %s", isSource, text).isEqualTo(before);
        }
        assertThat(new NumberGuard().missingNumbers(text, ReferenceOutputs.SUMMARY))
                .isEqualTo(new NumberGuardBefore().missingNumbers(text, ReferenceOutputs.SUMMARY));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
