package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.khulasa.attribution.Attribution;
import io.khulasa.guards.GuardReport;
import io.khulasa.guards.GuardResult;
import io.khulasa.guards.OutputGuards;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.LlmResult;
import io.khulasa.llm.Usage;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptTemplate;

/** Strict mode ({@code requireSupport}) as a hard guard: {@link GuardedCompletion#supported}. */
class SupportGuardTest {

    static final String ARTICLE = """
            أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس في العاصمة.
            وقال وزير الصحة خالد العبدالله إن المستشفيات مستعدة لاستقبال المرضى.
            وأضاف أن حملة التطعيم ستبدأ الأسبوع المقبل في جميع المحافظات.""";

    static final String SUPPORTED = "سجلت وزارة الصحة 120 إصابة جديدة بالفيروس. وستبدأ حملة التطعيم الأسبوع المقبل.";

    static final String FOREIGN = "وفاز المنتخب البرازيلي بكأس العالم لكرة القدم بعد مباراة مثيرة.";

    static final Attribution ATTRIBUTION = new Attribution();

    static PreparedCall call(boolean strict) {
        PromptTemplate prompt = ResultCacheKeyTest.prompt("summarize", "v2");
        Map<Placeholder, String> values = prompt.values(ARTICLE, null, Map.of());
        PreparedCall call = new PreparedCall(Task.SUMMARIZE, prompt.render(values), "m", false, List.of(), ARTICLE,
                false, PreparedCall.WHOLE, 0);
        return strict ? call.withSupport(new SupportCheck(ATTRIBUTION, ATTRIBUTION.index(null, ARTICLE))) : call;
    }

    static GuardReport guarded(PreparedCall call, String answer) {
        return GuardedCompletion.supported(call,
                new OutputGuards().check(OutputGuards.Task.SUMMARY, call.guardSource(), answer, List.of()));
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                // strict, answer, accepted, the support result (null: not checked), detail contains
                Arguments.of(false, SUPPORTED + " " + FOREIGN, true, null, null),
                Arguments.of(true, SUPPORTED, true, true, "every sentence"),
                Arguments.of(true, SUPPORTED + " " + FOREIGN, false, false, "sentence 2 «" + FOREIGN + "» (of 3) is not"),
                Arguments.of(true, FOREIGN + " " + SUPPORTED, false, false, "sentence 0 «" + FOREIGN + "»"),
                // An empty answer is output-empty alone.
                Arguments.of(true, "   ", false, null, null));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void anUnsupportedSentenceIsAHardFailureOnlyInStrictMode(boolean strict, String answer, boolean accepted,
            Boolean supportPassed, String detail) {
        GuardReport report = guarded(call(strict), answer);

        assertThat(report.accepted()).isEqualTo(accepted);
        List<GuardResult> support = report.results().stream().filter(r -> r.guard().equals(SupportCheck.CODE)).toList();
        if (supportPassed == null) {
            assertThat(support).isEmpty();
        } else {
            assertThat(support).singleElement().satisfies(r -> {
                assertThat(r.passed()).isEqualTo(supportPassed);
                assertThat(r.hard()).isTrue();
                assertThat(r.detail()).contains(detail);
            });
        }
    }

    @Test
    void theRefusalNamesTheFirstUnsupportedSentenceAndItsIndex() {
        PreparedCall call = call(true);
        String answer = SUPPORTED + " " + FOREIGN;
        GuardReport report = guarded(call, answer);
        GuardedCompletion.Rejected rejected = new GuardedCompletion.Rejected(
                new LlmResult(answer, "m", Usage.NONE, 1, 1), report, GuardedCompletion.diagnosis(ARTICLE, report));

        OutputRejectedException e = GuardedCompletion.rejection(call, rejected, "why", 2);

        assertThat(e.code()).isEqualTo("output-unsupported");
        assertThat(e.task()).isEqualTo("summarize");
        assertThat(e.extensions()).containsExactly(Map.entry("sentence", FOREIGN), Map.entry("sentenceIndex", 2));
    }

    @Test
    void strictAnswersAreCachedApartFromWarnOnlyOnes() {
        assertThat(ResultCache.key(call(true), "")).isNotEqualTo(ResultCache.key(call(false), ""));
        assertThat(ResultCache.key(call(false), "")).isEqualTo(ResultCache.key(call(false).withSupport(null), ""));
    }
}
