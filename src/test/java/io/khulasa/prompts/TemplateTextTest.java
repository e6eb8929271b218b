package io.khulasa.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

    private static Map<Placeholder, String> values(String article, String title) {
        Map<Placeholder, String> v = new EnumMap<>(Placeholder.class);
        v.put(Placeholder.ARTICLE, article);
        if (title != null) {
            v.put(Placeholder.TITLE, title);
        }
        return v;
    }

    @Test
    void rendersValuesAndSections() {
        TemplateText t = TemplateText.parse("{{#title}}T: {{title}}\n{{/title}}<article>\n{{ article }}\n</article>");
        assertThat(t.render(values("نص", "عنوان"))).isEqualTo("T: عنوان\n<article>\nنص\n</article>");
        assertThat(t.render(values("نص", null))).isEqualTo("<article>\nنص\n</article>");
        assertThat(t.render(values("نص", "  "))).isEqualTo("<article>\nنص\n</article>");
        assertThat(t.placeholders()).containsExactlyInAnyOrder(Placeholder.TITLE, Placeholder.ARTICLE);
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithBracesOrDollarSigns() {
        TemplateText t = TemplateText.parse("[{{article}}]");
        assertThat(t.render(values("{{title}} $1 \\ {{#x}}", null))).isEqualTo("[{{title}} $1 \\ {{#x}}]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a </article> b | a (/article) b",
            "<ARTICLE>x</Article> | (ARTICLE)x(/Article)",
            "</ title > | (/ title )",
            "<b>bold</b> | <b>bold</b>",
            "5 < 6 | 5 < 6" })
    void delimiterTagsInsideValuesAreNeutralised(String value, String expected) {
        assertThat(TemplateText.neutraliseDelimiters(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{artcle}} | unknown placeholder {{artcle}}",
            "{{#title}}x | {{#title}} is never closed",
            "x{{/title}} | {{/title}} closes no open {{#title}}",
            "{{#title}}{{#article}}{{/title}}{{/article}} | {{/title}} closes no open {{#title}}",
            "{{ article | malformed placeholder",
            "{{}} | malformed placeholder" })
    void rejectsBrokenTemplates(String text, String message) {
        assertThatThrownBy(() -> TemplateText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
