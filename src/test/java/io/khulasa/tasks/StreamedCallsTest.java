package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.LlmException;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;

/** Streamed calls: order, guards when each answer ends, reprompt only for text not yet sent. */
class StreamedCallsTest {

    private final TaskKit kit = new TaskKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private static final String FIRST = "أعلنت الوزارة نتائج الاجتماع الأول في العاصمة.";
    private static final String SECOND = "وقال المتحدث إن المحادثات ستستأنف في الأسبوع المقبل.";

    private static List<PreparedCall> twoChunks() {
        return List.of(TestCalls.call(FIRST, "1 of 2", 0), TestCalls.call(SECOND, "2 of 2", 1));
    }

    @Test
    void answersAreStreamedInOrderAndJoinedWithTheirSeparators() {
        kit.model.answering(r -> ScriptedModel.user(r).contains(FIRST) ? Reply.text("The ministry ", "announced results.")
                : Reply.text("The talks ", "resume next week."));
        List<String> sent = new ArrayList<>();
        List<CallOutcome> outcomes = kit.streamed.stream(twoChunks(), List.of("\n\n"), 2, SummaryTaskTest.sink(sent));
        assertThat(String.join("", sent)).isEqualTo(
                "[chunk 0 of 2]The ministry announced results.[chunk 1 of 2]\n\nThe talks resume next week.");
        assertThat(outcomes).extracting(CallOutcome::text)
                .containsExactly("The ministry announced results.", "The talks resume next week.");
    }

    /** The first chunk's text is already on the client's screen when its answer turns out Arabic: it cannot be taken back. */
    @Test
    void anAnswerThatFailsAGuardAfterItsTextWasSentEndsTheStreamWithTheGuardsCode() {
        kit.model.answering(r -> Reply.text("أعلنت الوزارة ", "نتائج الاجتماع"));
        List<String> sent = new ArrayList<>();
        assertThatThrownBy(() -> kit.streamed.stream(twoChunks().subList(0, 1), List.of(), 1, SummaryTaskTest.sink(sent)))
                .isInstanceOfSatisfying(OutputRejectedException.class, e -> {
                    assertThat(e.code()).isIn("output-wrong-language", "output-echo");
                    assertThat(e.getMessage()).contains("already been streamed");
                });
        assertThat(sent).isNotEmpty();
        assertThat(kit.model.requests()).as("no reprompt for text already sent").hasSize(1);
    }

    /** The second chunk is rejected while the first is still streaming: nothing of it was sent, so it is asked again. */
    @Test
    void aChunkNotYetSentIsAskedAgainOnceAndItsAcceptedAnswerStreamed() throws InterruptedException {
        CountDownLatch reprompted = new CountDownLatch(1);
        kit.model.answering(r -> {
            if (ScriptedModel.user(r).contains(FIRST)) {
                await(reprompted); // the first chunk finishes only once the second was asked again
                return Reply.text("The ministry announced results.");
            }
            if (ScriptedModel.isReprompt(r)) {
                reprompted.countDown();
                return Reply.text("The talks resume next week.");
            }
            return Reply.text(SECOND); // the source given back: rejected
        });
        List<String> sent = new ArrayList<>();
        List<CallOutcome> outcomes = kit.streamed.stream(twoChunks(), List.of(" "), 2, SummaryTaskTest.sink(sent));
        assertThat(String.join("", sent)).isEqualTo(
                "[chunk 0 of 2]The ministry announced results.[chunk 1 of 2] The talks resume next week.");
        assertThat(outcomes.get(1).warnings()).anySatisfy(w -> assertThat(w).startsWith("output-reprompted"));
        assertThat(outcomes.get(1).llm().attempts()).isEqualTo(2);
        assertThat(kit.model.requests()).hasSize(3);
    }

    @Test
    void aCutAnswerEndsTheStreamWithLlmTruncatedAndNoLaterCallStarts() {
        kit.model.answering(r -> ScriptedModel.user(r).contains(FIRST) ? Reply.cut("The ministry announced")
                : Reply.text("The talks resume next week."));
        assertThatThrownBy(() -> kit.streamed.stream(twoChunks(), List.of(" "), 1, SummaryTaskTest.sink(new ArrayList<>())))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRUNCATED));
        assertThat(kit.model.requests()).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
