package io.khulasa.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GlossaryCheckTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Hayat Tahrir al-Sham (HTS)", "Fighters of Hayat Tahrir al-Sham (HTS) entered.", true),
                Arguments.of("Hayat Tahrir al-Sham (HTS)", "Fighters of Hayat Tahrir al-Sham entered.", true),
                Arguments.of("Hayat Tahrir al-Sham (HTS)", "HTS fighters entered.", true),
                Arguments.of("Hayat Tahrir al-Sham (HTS)", "hayat tahrir al sham fighters", true),
                Arguments.of("Hayat Tahrir al-Sham (HTS)", "Hayat  Tahrir\nal–Sham", true),
                Arguments.of("Hayat Tahrir al-Sham (HTS)", "Tahrir al-Sham fighters", false),
                Arguments.of("Hayat Tahrir al-Sham (HTS)", "HTSX fighters", false),
                Arguments.of("Nagorno-Karabakh", "war in Nagorno-Karabakh.", true),
                Arguments.of("Nagorno-Karabakh", "war in Nagorno Karabakh.", true),
                Arguments.of("Nagorno-Karabakh", "war in NAGORNO-KARABAKH.", true),
                Arguments.of("Nagorno-Karabakh", "war in Karabakh.", false),
                Arguments.of("Hulusi Akar", "Turkish minister Hulusi Akar said", true),
                Arguments.of("Hulusi Akar", "Turkish minister Khulusi Akar said", false),
                Arguments.of("Hulusi Akar", "Akar said", false));
    }

    @ParameterizedTest(name = "{0} in \"{1}\" → {2}")
    @MethodSource("cases")
    void renderingRule(String rendering, String output, boolean satisfied) {
        GlossaryEntry e = new GlossaryEntry("س", rendering, null, null);
        GlossaryCheck.Result r = GlossaryCheck.check(List.of(e), output);
        assertThat(r.passed()).isEqualTo(satisfied);
    }

    @Test
    void reportsMissingRenderingsOfMatchedEntries() {
        String arabic = "قال خلوصي آكار إن القتال في قره باغ انتهى";
        List<GlossaryMatch> matches = GlossaryMatcherTest.MATCHER.findMatches(arabic);
        GlossaryCheck.Result r = GlossaryCheck.check(GlossaryMatcher.distinctEntries(matches), "Hulusi Akar said fighting in Karabakh ended");
        assertThat(r.satisfied()).containsExactly(GlossaryMatcherTest.AKAR);
        assertThat(r.missing()).containsExactly(GlossaryMatcherTest.KARABAKH);
    }

    @Test
    void formatsOnlyMatchedEntriesOnce() {
        String arabic = "قره باغ ثم وقره باغ، وقال خلوصي آكار";
        String prompt = GlossaryPromptFormatter.formatEntries(
                GlossaryMatcher.distinctEntries(GlossaryMatcherTest.MATCHER.findMatches(arabic)));
        assertThat(prompt).isEqualTo("- قره باغ → Nagorno-Karabakh (place)\n- خلوصي آكار → Hulusi Akar (person)");
        assertThat(GlossaryPromptFormatter.formatEntries(List.of())).isEmpty();
        assertThat(GlossaryPromptFormatter.formatEntries(List.of(new GlossaryEntry("س", "S", null, "use in headlines"))))
                .isEqualTo("- س → S; use in headlines");
    }
}
