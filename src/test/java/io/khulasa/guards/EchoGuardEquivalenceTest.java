package io.khulasa.guards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The echo guard folds in one pass (it was three {@code replaceAll} calls compiling their regexes on every call) and
 * compares 4-grams packed into longs (it built a set of the source's 4-gram strings); fold, overlap and the verdict
 * must be exactly those of {@link EchoGuardBefore}: on every text fixture against every other, on the reference
 * outputs, and on generated text mixing scripts, marks, alef forms, digits, punctuation, surrogate pairs and
 * compatibility characters.
 */
class EchoGuardEquivalenceTest {

    @Test
    void sameOnFixtures() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String dir : List.of("src/test/resources/articles", "src/test/resources/pages")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                for (Path p : s.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(txt|html)$")).toList()) {
                    texts.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        texts.add(ReferenceOutputs.SOURCE);
        texts.add(ReferenceOutputs.TRANSLATION);
        texts.add(ReferenceOutputs.SUMMARY);
        assertThat(texts).hasSizeGreaterThan(20);
        for (String a : texts) {
            assertThat(EchoGuard.fold(a)).isEqualTo(EchoGuardBefore.fold(a));
        }
        for (String output : List.of(ReferenceOutputs.TRANSLATION, ReferenceOutputs.SUMMARY, texts.get(0), texts.get(3))) {
            for (String source : texts) {
                assertSameOverlap(source, output);
            }
        }
    }

    @Test
    void sameOnGeneratedText() {
        String[] pieces = {"قال", "الحكومة", "أحمد", "إيران", "آمال", "ٱلله", "مستشفى", "مدينة", "خمسُ", "ـــ", "\u064B", "\u0670",
                "\u0651", "The", "ÉCOLE", "naïve", "İstanbul", "ﷺ", "ﻻ", "①", "²", "٣", "3", "۳", "𝐀𝐁", "😀", "\uD800", "ß", "ΣΑΣ",
                " ", "  ", "\n", "\t", "-", "،", ".", "'", "\u00A0", "\u200F", "ﬁ", "Ⅻ", "ＡＢＣ"};
        Random random = new Random(4);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                a.append(pieces[random.nextInt(pieces.length)]);
                b.append(random.nextInt(4) == 0 ? pieces[random.nextInt(pieces.length)] : a.length() > 0
                        ? a.charAt(random.nextInt(a.length())) : "");
            }
            assertThat(EchoGuard.fold(a.toString())).as(a.toString()).isEqualTo(EchoGuardBefore.fold(a.toString()));
            assertSameOverlap(a.toString(), b.toString());
            assertSameOverlap(b.toString(), a.toString());
            assertSameOverlap(ReferenceOutputs.SOURCE, a.toString());
        }
    }

    private static void assertSameOverlap(String source, String output) {
        assertThat(EchoGuard.overlap(source, output)).as("%s / %s", source, output)
                .isEqualTo(EchoGuardBefore.overlap(source, output));
        GuardResult now = new EchoGuard().check(source, output);
        GuardResult before = new EchoGuardBefore().check(source, output);
        assertThat(now).isEqualTo(before);
    }
}
