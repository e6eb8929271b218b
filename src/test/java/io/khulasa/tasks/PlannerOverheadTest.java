package io.khulasa.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptTemplate;
import io.khulasa.prompts.RenderedPrompt;

/**
 * A prompt's own tokens ({@link Planner#overhead}) are its system and user parts counted without the article, whether
 * the system part's count is remembered from an earlier request or counted now: every catalogued prompt, with and
 * without a title, asked three times.
 */
class PlannerOverheadTest {

    private static final TaskKit KIT = new TaskKit();

    static Stream<Arguments> prompts() {
        return KIT.catalogue.all().stream().flatMap(prompt -> Stream.of(
                Arguments.of(prompt, null),
                Arguments.of(prompt, "محادثات روسية تركية جديدة بشأن سوريا"),
                Arguments.of(prompt, "A title in English, with \"quotes\"")));
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void overheadIsTheCountOfThePromptWithoutItsArticle(PromptTemplate prompt, String title) {
        Map<Placeholder, String> values = prompt.values("نص الخبر كاملاً، وهو لا يُعدّ في كلفة التعليمات.", title, Map.of());
        Map<Placeholder, String> withoutArticle = new EnumMap<>(values);
        withoutArticle.put(Placeholder.ARTICLE, "");
        RenderedPrompt rendered = prompt.render(withoutArticle);
        int expected = KIT.planner.tokens(rendered.system()) + KIT.planner.tokens(rendered.user());
        for (int ask = 1; ask <= 3; ask++) {
            assertEquals(expected, KIT.planner.overhead(prompt, values), prompt.task() + " " + prompt.version() + ", ask " + ask);
        }
    }
}
