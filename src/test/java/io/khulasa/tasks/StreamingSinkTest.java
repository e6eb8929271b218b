package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.chunking.TokenEstimator;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.LlmException;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;

/**
 * The chunk engine with the streaming sink: order, guards when each answer ends, reprompt only for text not yet
 * sent, and a chunk the server cut split and retried while none of its text was sent.
 */
class StreamingSinkTest {

    private final TaskKit kit = new TaskKit(Map.of("khulasa.chunking.max-parallel-per-request", "2"));

    @AfterEach
    void close() {
        kit.close();
    }

    private static final String FIRST = "أعلنت الوزارة نتائج الاجتماع الأول في العاصمة.";
    private static final String SECOND = "وقال المتحدث إن المحادثات ستستأنف في الأسبوع المقبل.";

    private static final TokenEstimator TOKENS = TokenEstimator.forEncoding("o200k_base");

    /** The two sentences as two chunks: two paragraphs ({@code "\n\n"} between the answers) or one ({@code " "}). */
    private static ChunkedCalls twoChunks(boolean paragraphs) {
        int budget = Math.max(TOKENS.count(FIRST), TOKENS.count(SECOND)) + 1;
        ChunkedCalls planned = ChunkedCalls.cut(new ArticleChunker(TOKENS, new SentenceSplitter(), budget),
                FIRST + (paragraphs ? "\n" : " ") + SECOND, (chunk, part, index) -> TestCalls.call(chunk.text(), part, index));
        assertThat(planned.size()).isEqualTo(2);
        return planned;
    }

    @Test
    void answersAreStreamedInOrderAndJoinedWithTheirSeparators() {
        kit.model.answering(r -> ScriptedModel.user(r).contains(FIRST) ? Reply.text("The ministry ", "announced results.")
                : Reply.text("The talks ", "resume next week."));
        List<String> sent = new ArrayList<>();
        List<ChunkExecution.Piece> pieces = kit.executor.stream(twoChunks(true), SummaryTaskTest.sink(sent));
        assertThat(String.join("", sent)).isEqualTo(
                "[chunk 0 of 2]The ministry announced results.[chunk 1 of 2]\n\nThe talks resume next week.");
        assertThat(ChunkExecution.outcomes(pieces)).extracting(CallOutcome::text)
                .containsExactly("The ministry announced results.", "The talks resume next week.");
    }

    /** The first chunk's text is already on the client's screen when its answer turns out Arabic: it cannot be taken back. */
    @Test
    void anAnswerThatFailsAGuardAfterItsTextWasSentEndsTheStreamWithTheGuardsCode() {
        kit.model.answering(r -> Reply.text("أعلنت الوزارة ", "نتائج الاجتماع"));
        List<String> sent = new ArrayList<>();
        assertThatThrownBy(() -> kit.executor.stream(TestCalls.call(FIRST, "1 of 1", 0), SummaryTaskTest.sink(sent)))
                .isInstanceOfSatisfying(OutputRejectedException.class, e -> {
                    assertThat(e.code()).isIn("output-wrong-language", "output-echo");
                    assertThat(e.getMessage()).contains("already been streamed");
                });
        assertThat(sent).isNotEmpty();
        assertThat(kit.model.requests()).as("no reprompt for text already sent").hasSize(1);
    }

    /** The second chunk is rejected while the first is still streaming: nothing of it was sent, so it is asked again. */
    @Test
    void aChunkNotYetSentIsAskedAgainOnceAndItsAcceptedAnswerStreamed() {
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
        List<CallOutcome> outcomes = ChunkExecution.outcomes(kit.executor.stream(twoChunks(false),
                SummaryTaskTest.sink(sent)));
        assertThat(String.join("", sent)).isEqualTo(
                "[chunk 0 of 2]The ministry announced results.[chunk 1 of 2] The talks resume next week.");
        assertThat(outcomes.get(1).warnings()).anySatisfy(w -> assertThat(w).startsWith("output-reprompted"));
        assertThat(outcomes.get(1).llm().attempts()).isEqualTo(2);
        assertThat(kit.model.requests()).hasSize(3);
    }

    /**
     * The second chunk is cut by the output limit while the first is still streaming: none of its text was sent, so
     * it is split in two and its halves are called instead, as a blocking request does; the client sees only the
     * halves' text, in order, under the planned chunk's marker.
     */
    @Test
    void aBufferedChunkCutByTheServerIsSplitAndItsHalvesStreamedInOrder() {
        CountDownLatch split = new CountDownLatch(1);
        kit.model.answering(r -> {
            String user = ScriptedModel.user(r);
            if (user.contains(FIRST)) {
                await(split); // the first chunk finishes only once the second was split
                return Reply.text("The ministry announced results.");
            }
            if (user.contains("first half")) {
                split.countDown();
                return Reply.text("The spokesman said the talks");
            }
            if (user.contains("second half")) {
                return Reply.text("resume next week.");
            }
            return Reply.cut("The spokesman said the talks would");
        });
        List<String> sent = new ArrayList<>();
        List<ChunkExecution.Piece> pieces = kit.executor.stream(twoChunks(true), SummaryTaskTest.sink(sent));

        assertThat(String.join("", sent)).isEqualTo("[chunk 0 of 2]The ministry announced results.[chunk 1 of 2]\n\n"
                + "The spokesman said the talks resume next week.").doesNotContain("would");
        assertThat(pieces).extracting(p -> p.chunk().index()).containsExactly(0, 1, 2);
        assertThat(pieces).extracting(ChunkExecution.Piece::extraCalls).containsExactly(0, 1, 0);
        assertThat(kit.model.requests()).hasSize(4);
    }

    /** With no split left, a cut answer ends the stream with {@code llm-truncated}, and no later call starts. */
    @Test
    void aCutAnswerWithNoSplitLeftEndsTheStreamWithLlmTruncatedAndNoLaterCallStarts() {
        TaskKit noSplit = new TaskKit(Map.of("khulasa.chunking.max-parallel-per-request", "1",
                "khulasa.chunking.max-split-depth", "0"));
        try {
            noSplit.model.answering(r -> ScriptedModel.user(r).contains(FIRST) ? Reply.cut("The ministry announced")
                    : Reply.text("The talks resume next week."));
            assertThatThrownBy(() -> noSplit.executor.stream(twoChunks(false), SummaryTaskTest.sink(new ArrayList<>())))
                    .isInstanceOfSatisfying(LlmException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TRUNCATED));
            assertThat(noSplit.model.requests()).hasSize(1);
        } finally {
            noSplit.close();
        }
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
