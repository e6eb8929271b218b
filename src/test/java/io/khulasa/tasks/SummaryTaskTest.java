package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.khulasa.chunking.Articles;
import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.extractive.SummaryLength;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.LlmException;
import io.khulasa.prompts.PromptNotFoundException;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;

/** The summary task as a unit: one call or map-reduce, guards on every answer, fallback, cache refresh. */
class SummaryTaskTest {

    static final String ARABIC_SUMMARY = "بحث وزيرا الدفاع التركي والروسي سبل إرساء السلام والاستقرار في سوريا";

    private final TaskKit kit = new TaskKit(Map.of("khulasa.chunking.max-input-tokens", "1000"));

    @AfterEach
    void close() {
        kit.close();
    }

    /** A fixture, cleaned as the service cleans it. */
    static CleanedArticle article(String name) {
        return new ArticleCleaner().clean(new ArticleInput(Articles.read(name), null, null));
    }

    static final SummaryOptions DEFAULTS = new SummaryOptions(null, null, null, false);

    @Test
    void anArticleWithinTheBudgetIsOneCall() {
        SummaryTask.Plan plan = kit.summaries.plan(article("taif-post-karabakh.cleaned.txt"), DEFAULTS, false);
        assertThat(plan).isInstanceOf(SummaryTask.OneCall.class);
        kit.model.answering(r -> Reply.text(ARABIC_SUMMARY));
        TaskResult result = kit.summaries.run(plan);
        assertThat(result).isInstanceOf(TaskResult.OneCall.class);
        assertThat(result.text()).isEqualTo(ARABIC_SUMMARY);
        assertThat(kit.model.requests()).hasSize(1);
    }

    @Test
    void aLongArticleIsMappedAndReducedAndEveryCallCarriesTheRefresh() {
        SummaryTask.Plan plan = kit.summaries.plan(article("long-investigation-water.txt"), DEFAULTS, true);
        SummaryTask.MapReduce mapReduce = (SummaryTask.MapReduce) plan;
        assertThat(mapReduce.map().size()).isGreaterThan(1);
        assertThat(mapReduce.map().calls()).allSatisfy(call -> assertThat(call.refreshCache()).isTrue());
        assertThat(mapReduce.reduce().prepare("ملخص").refreshCache()).isTrue();
        assertThat(kit.model.requests()).as("planning sends nothing").isEmpty();

        kit.model.answering(r -> Reply.text(ARABIC_SUMMARY));
        TaskResult result = kit.summaries.run(plan);
        TaskResult.Chunked chunked = (TaskResult.Chunked) result;
        assertThat(chunked.chunkUsage()).hasSize(mapReduce.map().size());
        assertThat(chunked.calls()).hasSize(mapReduce.map().size() + 1);
        assertThat(kit.model.requests()).hasSize(mapReduce.map().size() + 1);
    }

    @Test
    void anUnknownPromptVersionFailsThePlanBeforeAnyCall() {
        assertThatThrownBy(() -> kit.summaries.plan(article("long-investigation-water.txt"),
                new SummaryOptions("v99", null, null, false), false)).isInstanceOf(PromptNotFoundException.class);
        assertThat(kit.model.requests()).isEmpty();
    }

    /** A chunk summary in the wrong language is asked again once; rejected again, the request fails naming its chunk. */
    @Test
    void aChunkSummaryFailingAGuardIsRepromptedThenReportedWithItsChunk() {
        SummaryTask.MapReduce plan = (SummaryTask.MapReduce) kit.summaries.plan(article("long-investigation-water.txt"),
                DEFAULTS, false);
        String secondChunk = plan.map().chunks().get(1).text();
        kit.model.answering(r -> ScriptedModel.user(r).contains(secondChunk) ? Reply.text("An English summary of the part.")
                : Reply.text(ARABIC_SUMMARY));
        assertThatThrownBy(() -> kit.summaries.run(plan)).isInstanceOfSatisfying(OutputRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo("output-wrong-language");
            assertThat(e.task()).isEqualTo(Task.SUMMARIZE_CHUNK.id());
            assertThat(e.chunk()).contains(1);
            assertThat(e.llmCalls()).isEqualTo(2);
        });
        assertThat(kit.model.requests().stream().filter(ScriptedModel::isReprompt).map(ScriptedModel::user))
                .allSatisfy(user -> assertThat(user).contains(secondChunk)).hasSize(1);
    }

    @Test
    void theReduceAnswerIsGuardedToo() {
        SummaryTask.Plan plan = kit.summaries.plan(article("long-investigation-water.txt"), DEFAULTS, false);
        kit.model.answering(r -> ScriptedModel.system(r).contains("summaries of its parts")
                ? Reply.text("The whole article in English.") : Reply.text(ARABIC_SUMMARY));
        assertThatThrownBy(() -> kit.summaries.run(plan)).isInstanceOfSatisfying(OutputRejectedException.class, e -> {
            assertThat(e.task()).isEqualTo(Task.SUMMARIZE_REDUCE.id());
            assertThat(e.chunk()).isEmpty();
        });
    }

    @Test
    void anUnavailableLlmGivesTheExtractiveSummaryForALongArticleWhenAllowed() {
        SummaryOptions allow = new SummaryOptions(null, SummaryLength.SHORT, null, true);
        kit.model.answering(r -> Reply.failing(new LlmException(LlmException.Kind.UNREACHABLE, "down")));
        TaskResult result = kit.summaries.run(kit.summaries.plan(article("long-investigation-water.txt"), allow, false));
        assertThat(result.calls()).singleElement().satisfies(o -> assertThat(o.engine()).isEqualTo(CallOutcome.Engine.EXTRACTIVE));

        assertThatThrownBy(() -> kit.summaries.run(kit.summaries.plan(article("long-investigation-water.txt"), DEFAULTS,
                false))).isInstanceOf(LlmException.class);
    }

    /** Streamed: the extractive summary stands in only while nothing has been sent. */
    @Test
    void aStreamFallsBackToTheExtractiveSummaryOnlyBeforeAnythingWasSent() {
        SummaryOptions allow = new SummaryOptions(null, null, null, true);
        SummaryTask.Plan plan = kit.summaries.plan(article("taif-post-karabakh.cleaned.txt"), allow, false);
        kit.model.answering(r -> Reply.failing(new LlmException(LlmException.Kind.UNREACHABLE, "down")));
        List<String> sent = new ArrayList<>();
        TaskResult extractive = kit.summaries.stream(plan, sink(sent));
        assertThat(sent).containsExactly(extractive.text());
        assertThat(extractive.calls().get(0).engine()).isEqualTo(CallOutcome.Engine.EXTRACTIVE);

        sent.clear();
        kit.model.answering(r -> new Reply(List.of("بحث وزيرا "), null, new LlmException(LlmException.Kind.UPSTREAM, "broke")));
        assertThatThrownBy(() -> kit.summaries.stream(plan, sink(sent))).isInstanceOf(LlmException.class);
        assertThat(sent).containsExactly("بحث وزيرا");
    }

    static DeltaSink sink(List<String> sent) {
        return new DeltaSink() {
            @Override
            public void chunk(int index, int of) {
                sent.add("[chunk " + index + " of " + of + "]");
            }

            @Override
            public void delta(String text) {
                sent.add(text);
            }
        };
    }
}
