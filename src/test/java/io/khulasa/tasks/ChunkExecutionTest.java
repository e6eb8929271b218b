package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.chunking.TokenEstimator;
import io.khulasa.llm.LlmException;
import io.khulasa.llm.LlmResult;
import io.khulasa.llm.Usage;

/** The chunk engine with a blocking sink: order, splits of cut chunks, and nothing sent or waited for after a failure. */
class ChunkExecutionTest {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** {@code n} one-paragraph chunks. */
    private static ChunkedCalls planned(int n, int budget) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : "\n").append("الفقرة رقم ").append(i).append(" من المقال الطويل.");
        }
        return planned(text.toString(), budget);
    }

    private static ChunkedCalls planned(String text, int budget) {
        ArticleChunker chunker = new ArticleChunker(TokenEstimator.forEncoding("o200k_base"), new SentenceSplitter(), budget);
        return ChunkedCalls.cut(chunker, text, (chunk, part, index) -> TestCalls.call(chunk.text(), part, index));
    }

    private static CallOutcome answer(PreparedCall call) {
        return new CallOutcome(Task.TRANSLATE_CHUNK, "Paragraph " + call.chunk() + ".", null, null,
                new LlmResult("Paragraph " + call.chunk() + ".", "m", Usage.NONE, 1, 1), List.of(), List.of(), false,
                CallOutcome.Engine.LLM);
    }

    /** The engine with a blocking sink, each call answered by {@code caller}. */
    private List<ChunkExecution.Piece> run(int maxParallel, int maxSplitDepth, ChunkedCalls planned,
            Function<PreparedCall, CallOutcome> caller) {
        return new ChunkExecution(threads, maxParallel, maxSplitDepth,
                (segment, post) -> post.accept(new ChunkExecution.Answered(segment, caller.apply(segment.call()))))
                .run(planned);
    }

    @Test
    void answersComeBackInArticleOrder() {
        List<ChunkExecution.Piece> pieces = run(3, 0, planned(6, 12), ChunkExecutionTest::answer);
        assertThat(pieces).extracting(p -> p.outcome().text())
                .containsExactly("Paragraph 0.", "Paragraph 1.", "Paragraph 2.", "Paragraph 3.", "Paragraph 4.", "Paragraph 5.");
        assertThat(pieces).extracting(p -> p.chunk().index()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    /** A chunk cut by the output limit is split in two; the halves keep the planned chunk's index for reports. */
    @Test
    void aCutChunkIsSplitAndItsHalvesAnsweredInOrder() {
        ChunkedCalls planned = planned("أعلنت الوزارة نتائج الاجتماع الأول. وقال المتحدث إن المحادثات ستستأنف غداً. "
                + "وأضاف أن الطرفين اتفقا على تبادل الأسرى.", 200);
        assertThat(planned.size()).isEqualTo(1);
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        List<ChunkExecution.Piece> pieces = run(2, 3, planned, call -> {
            sent.add(call.prompt().user());
            if (call.prompt().user().equals(planned.calls().get(0).prompt().user())) {
                throw new LlmException(LlmException.Kind.TRUNCATED, "cut");
            }
            return answer(call);
        });
        assertThat(sent).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pieces).hasSizeGreaterThanOrEqualTo(2);
        assertThat(pieces.get(0).extraCalls()).isEqualTo(1);
        assertThat(ChunkExecution.extraCalls(pieces)).isEqualTo(1);
        assertThat(pieces).extracting(p -> p.chunk().index()).containsExactly(0, 1);
        assertThat(sent.subList(1, sent.size())).allSatisfy(user -> assertThat(user).contains("half"));
    }

    /** One permit: the chunks run one after the other in article order, and none starts after a failure. */
    @RepeatedTest(20)
    void noChunkIsSentAfterAnotherFailed() {
        List<Integer> called = Collections.synchronizedList(new ArrayList<>());
        LlmException failure = new LlmException(LlmException.Kind.UPSTREAM, "the LLM answered 500");

        assertThatThrownBy(() -> run(1, 0, planned(5, 12), call -> {
            called.add(call.chunk());
            if (call.chunk() == 2) {
                throw failure;
            }
            return answer(call);
        })).isSameAs(failure);

        assertThat(called).containsExactly(0, 1, 2);
    }

    /**
     * Calls start in article order whatever the number of permits, and a cut chunk's halves go before the chunks after
     * it (virtual threads reach a semaphore in any order: a later chunk could be answered before an earlier one).
     */
    @RepeatedTest(20)
    void callsStartInArticleOrderAndAHalfBeforeTheChunksAfterIt() {
        String paragraph = "أعلنت الوزارة نتائج الاجتماع الأول مع الوفد. وقال المتحدث إن المحادثات ستستأنف غداً في العاصمة. "
                + "وأضاف أن الطرفين اتفقا على تبادل الأسرى قبل نهاية الشهر.";
        ChunkedCalls planned = planned(paragraph + "\n" + paragraph + "\n" + paragraph + "\n" + paragraph, 60);
        assertThat(planned.size()).isGreaterThanOrEqualTo(3);
        String cut = planned.calls().get(0).prompt().user();
        List<String> started = Collections.synchronizedList(new ArrayList<>());

        List<ChunkExecution.Piece> pieces = run(1, 1, planned, call -> {
            String user = call.prompt().user();
            started.add(user.equals(cut) ? "cut" : user.contains("half") ? "half " + call.chunk() : "chunk " + call.chunk());
            if (user.equals(cut)) {
                throw new LlmException(LlmException.Kind.TRUNCATED, "cut");
            }
            return answer(call);
        });

        List<String> expected = new ArrayList<>(List.of("cut", "half 0", "half 0"));
        for (int i = 1; i < planned.size(); i++) {
            expected.add("chunk " + i);
        }
        assertThat(started).containsExactlyElementsOf(expected);
        assertThat(pieces).hasSize(planned.size() + 1);
    }

    /** A chunk call still waiting (e.g. in a back-off before its retry) is interrupted when another chunk fails. */
    @Test
    void aWaitingChunkIsInterruptedWhenAnotherFails() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        LlmException failure = new LlmException(LlmException.Kind.REJECTED, "the LLM answered 400");

        assertThatThrownBy(() -> run(2, 0, planned(2, 12), call -> {
            if (call.chunk() == 0) {
                waiting.countDown();
                try {
                    Thread.sleep(30_000); // a back-off
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw new LlmException(LlmException.Kind.UPSTREAM, "interrupted");
                }
                return answer(call);
            }
            try {
                waiting.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw failure;
        })).isSameAs(failure);
        threads.shutdown();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).as("the waiting call ended at once").isTrue();
        assertThat(interrupted).isTrue();
    }
}
