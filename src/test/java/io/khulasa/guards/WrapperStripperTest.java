package io.khulasa.guards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

class WrapperStripperTest {

    private static final String EN = "Turkish Defence Minister Hulusi Akar discussed Syria with Sergei Shoigu.";
    private static final String EN2 = EN + "\nThe two ministers also discussed Karabakh.";
    private static final String AR = "بحث وزير الدفاع التركي خلوصي آكار مع نظيره الروسي سيرغي شويغو الملف السوري.";

    private final WrapperStripper stripper = new WrapperStripper();

    static Stream<Arguments> wrapped() {
        return Stream.of(
                Arguments.of("Here is the translation:\n\n" + EN, EN, List.of("leading-line: Here is the translation:")),
                Arguments.of("Sure! Here's the summary:\n" + AR, AR, List.of("leading-line: Sure! Here's the summary:")),
                Arguments.of("Certainly. Here is the English translation of the article:\n" + EN2, EN2,
                        List.of("leading-line: Certainly. Here is the English translation of the article:")),
                Arguments.of("إليك الملخص:\n" + AR, AR, List.of("leading-line: إليك الملخص:")),
                Arguments.of("الملخص:\n" + AR, AR, List.of("leading-line: الملخص:")),
                Arguments.of("الملخص: " + AR, AR, List.of("label: الملخص:")),
                Arguments.of("Translation: " + EN, EN, List.of("label: Translation:")),
                Arguments.of("Translation:\n" + EN, EN, List.of("leading-line: Translation:")),
                Arguments.of("```\n" + EN2 + "\n```", EN2, List.of("code-fence")),
                Arguments.of("```text\n" + EN + "\n```", EN, List.of("code-fence")),
                Arguments.of("\"" + EN + "\"", EN, List.of("quotes")),
                Arguments.of("«" + AR + "»", AR, List.of("quotes")),
                Arguments.of(EN + "\n\nI hope this helps! Let me know if you need anything else.", EN,
                        List.of("trailing-line: I hope this helps! Let me know if you need anything else.")),
                Arguments.of(AR + "\nأتمنى أن يكون هذا الملخص مفيداً.", AR,
                        List.of("trailing-line: أتمنى أن يكون هذا الملخص مفيداً.")),
                Arguments.of("**Summary:**\n" + AR, AR, List.of("markdown-bold", "leading-line: Summary:")),
                Arguments.of("## Translation\n" + EN, EN, List.of("markdown-header", "leading-line: Translation")),
                Arguments.of("Here is the translation:\n```\n\"" + EN + "\"\n```\nHope this helps!", EN,
                        List.of("leading-line: Here is the translation:", "trailing-line: Hope this helps!",
                                "code-fence", "quotes")),
                Arguments.of("Here is the translation:", "", List.of("leading-line: Here is the translation:")));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("wrapped")
    void stripsWrappers(String raw, String expected, List<String> stripped) {
        StrippedOutput out = stripper.strip(raw);
        assertThat(out.text()).isEqualTo(expected);
        assertThat(out.stripped()).isNotEmpty().containsExactlyInAnyOrderElementsOf(stripped);
    }

    static Stream<String> untouched() {
        return Stream.of(
                EN,
                EN2,
                AR,
                "This is the second phone call between the two ministers this week.\nThey discussed Syria.",
                "هذا هو الاتصال الثاني بين الوزيرين خلال أسبوع.\nوبحث الطرفان الملف السوري.",
                "\"Peace\" was the word Erdogan used, and \"stability\" the one Putin chose.",
                "The summary of the talks, Erdogan said, was positive.",
                ReferenceOutputs.TRANSLATION,
                ReferenceOutputs.SUMMARY);
    }

    @ParameterizedTest
    @MethodSource("untouched")
    void leavesContentAlone(String output) {
        StrippedOutput out = stripper.strip(output);
        assertThat(out.text()).isEqualTo(output.strip());
        assertThat(out.stripped()).isEmpty();
    }

    @Test
    void chatterThatIsNotAWrapperStays() {
        String chatty = "I cannot translate this article because it discusses military operations.";
        assertThat(stripper.strip(chatty).text()).isEqualTo(chatty);
    }

    @Test
    void nullIsEmpty() {
        assertThat(stripper.strip(null).text()).isEmpty();
    }
}
