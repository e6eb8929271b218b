package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.llm.LlmException;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;

/** The digest as a unit: both plans made first, run concurrently, each part settled on its own. */
class DigestTaskTest {

    private final TaskKit kit = new TaskKit(Map.of("khulasa.chunking.max-input-tokens", "1000"));

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void aLongArticlesPartsRunThroughTheirChunkedPlansAndAFailedPartIsKept() {
        CleanedArticle article = SummaryTaskTest.article("long-investigation-water.txt");
        DigestTask.Plan plan = kit.digests.plan(article, new SummaryOptions(null, null, null, true),
                new TranslationOptions(null, List.of()), false);
        assertThat(plan.summary()).isInstanceOf(SummaryTask.MapReduce.class);
        assertThat(plan.translation()).isInstanceOf(TranslationTask.InChunks.class);

        kit.model.answering(r -> Reply.failing(new LlmException(LlmException.Kind.UNREACHABLE, "down")));
        DigestTask.Result result = kit.digests.run(plan);
        assertThat(result.summary()).isInstanceOfSatisfying(Settled.Done.class, done -> assertThat(
                ((TaskResult) done.value()).calls().get(0).engine()).isEqualTo(CallOutcome.Engine.EXTRACTIVE));
        assertThat(result.translation()).isInstanceOfSatisfying(Settled.Failed.class,
                failed -> assertThat(failed.failure()).isInstanceOf(LlmException.class));
    }

    @Test
    void bothPartsOfAShortArticleSucceed() {
        CleanedArticle article = SummaryTaskTest.article("taif-post-karabakh.cleaned.txt");
        kit.model.answering(r -> ScriptedModel.system(r).contains("Arabic-to-English")
                ? Reply.text("Turkish and Russian ministers discussed peace in Syria.")
                : Reply.text(SummaryTaskTest.ARABIC_SUMMARY));
        DigestTask.Result result = kit.digests.run(kit.digests.plan(article, new SummaryOptions(null, null, null, false),
                new TranslationOptions(null, List.of()), false));
        assertThat(result.summary()).isInstanceOf(Settled.Done.class);
        assertThat(result.translation()).isInstanceOf(Settled.Done.class);
        assertThat(kit.model.requests()).hasSize(2);
    }
}
