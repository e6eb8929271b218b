package io.khulasa.guards;

import static io.khulasa.guards.ReferenceOutputs.NAMES;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class NameGuardTest {

    private final NameGuard guard = new NameGuard();

    static Stream<Arguments> missing() {
        String t = ReferenceOutputs.TRANSLATION;
        return Stream.of(
                Arguments.of(t.replace("Hulusi Akar", "Khulusi Akar"), List.of("Hulusi Akar")),
                Arguments.of(t.replace("Shoigu", "Shoygu"), List.of("Sergei Shoigu")),
                Arguments.of(t.replace("Lachin", "Latchin"), List.of("Lachin")),
                Arguments.of(t.replace("Pashinyan", "Pashinian"), List.of("Nikol Pashinyan")),
                Arguments.of(t.replace("Kalbajar, ", ""), List.of("Kalbajar")),
                Arguments.of(t.replace("Recep Tayyip Erdogan", "Erdogan"), List.of("Recep Tayyip Erdogan")),
                Arguments.of(t.replace("Aliyev", "Aliev").replace("Aghdam", "Agdam"), List.of("Ilham Aliyev", "Aghdam")));
    }

    @ParameterizedTest
    @MethodSource("missing")
    void missingOrMisspelledNamesAreReported(String output, List<String> expectedMissing) {
        assertThat(guard.missingNames(NAMES, output)).containsExactlyElementsOf(expectedMissing);
        GuardResult result = guard.check(NAMES, output);
        assertThat(result.passed()).isFalse();
        assertThat(result.hard()).isFalse();
        assertThat(result.guard()).isEqualTo("output-missing-names");
    }

    @Test
    void referenceTranslationHasAllNames() {
        assertThat(guard.missingNames(NAMES, ReferenceOutputs.TRANSLATION)).isEmpty();
        assertThat(guard.check(NAMES, ReferenceOutputs.TRANSLATION).passed()).isTrue();
    }

    static Stream<Arguments> tolerated() {
        return Stream.of(
                Arguments.of("Nagorno-Karabakh", "The Nagorno Karabakh deal holds."),
                Arguments.of("Nagorno Karabakh", "The NAGORNO-KARABAKH deal holds."),
                Arguments.of("Recep Tayyip Erdogan", "President Recep Tayyip Erdoğan spoke."),
                Arguments.of("Sergei Shoigu", "Sergei Shoigu's statement was short."),
                Arguments.of("Qara Bagh", "The Qarabagh region."),
                Arguments.of("Ilham Aliyev", "ilham   aliyev said so."));
    }

    @ParameterizedTest
    @MethodSource("tolerated")
    void caseHyphenAccentAndSpaceAreTolerated(String name, String output) {
        assertThat(guard.missingNames(List.of(name), output)).isEmpty();
    }

    @Test
    void partOfAWordIsNotAName() {
        assertThat(guard.missingNames(List.of("Akar"), "The Akaram family.")).containsExactly("Akar");
    }

    @Test
    void noExpectedNamesPasses() {
        assertThat(guard.check(List.of(), "anything").passed()).isTrue();
        assertThat(guard.missingNames(null, "anything")).isEmpty();
    }
}
