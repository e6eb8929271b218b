package io.khulasa.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.khulasa.articles.ArticleListRules.Kind;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;

/** One check for a batch's and a job's list of articles: the same rules, each kind's own words and limits. */
class ArticleListRulesTest {

    private static final ArticleListRules RULES = new ArticleListRules(3, 5);
    private static final Function<String, String> ID = Function.identity();

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(Kind.BATCH, null, ProblemType.MISSING_ARTICLES, "'articles'"),
                Arguments.of(Kind.JOB, null, ProblemType.MISSING_ARTICLES, "'task' and 'articles'"),
                Arguments.of(Kind.BATCH, List.of(), ProblemType.EMPTY_BATCH, "is empty"),
                Arguments.of(Kind.JOB, List.of(), ProblemType.EMPTY_JOB, "is empty"),
                Arguments.of(Kind.BATCH, List.of("a", "b", "c", "d"), ProblemType.BATCH_TOO_LARGE, "The batch has 4 articles; the limit is 3"),
                Arguments.of(Kind.JOB, List.of("a", "b", "c", "d", "e", "f"), ProblemType.JOB_TOO_LARGE, "The job has 6 articles; the limit is 5"),
                Arguments.of(Kind.BATCH, Arrays.asList("a", null), ProblemType.MISSING_ID, "articles[1] has no string 'id'"),
                Arguments.of(Kind.JOB, List.of("a", " "), ProblemType.MISSING_ID, "unique in the job"),
                Arguments.of(Kind.BATCH, List.of("a", "b", "a"), ProblemType.DUPLICATE_ID, "The id 'a' is used more than once; ids must be unique in the batch"),
                Arguments.of(Kind.JOB, List.of("x", "x"), ProblemType.DUPLICATE_ID, "unique in the job"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aListBreakingARuleIsRefusedWithItsProblem(Kind kind, List<String> articles, ProblemType type, String detail) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> RULES.check(kind, articles, ID));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.type()).isEqualTo(type);
        assertThat(refused.getMessage()).contains(detail);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aGoodListAnswersItsIdsInOrder(Kind kind, int limit) {
        List<String> ids = java.util.stream.IntStream.range(0, limit).mapToObj(i -> "id-" + (limit - i)).toList();
        assertThat(RULES.check(kind, ids, ID)).containsExactlyElementsOf(ids);
    }

    static Stream<Arguments> kinds() {
        return Stream.of(Arguments.of(Kind.BATCH, 3), Arguments.of(Kind.JOB, 5));
    }
}
