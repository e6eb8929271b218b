package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.chunking.SentenceSplitter;
import io.khulasa.chunking.TokenEstimator;
import io.khulasa.llm.LlmException;

class ChunkExecutionTest {

    private final ArticleChunker chunker = new ArticleChunker(new TokenEstimator(), new SentenceSplitter(), 50);

    private static List<Chunk> chunks(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Chunk(i, "الفقرة رقم " + i + ".", 5, "\n\n")).toList();
    }

    private static TaskOutcome answer(Chunk chunk) {
        return new TaskOutcome("translate-chunk", "Paragraph " + chunk.index() + ".", null, null, null);
    }

    @Test
    void answersComeBackInArticleOrder() throws Exception {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        List<ChunkExecution.Piece> pieces = new ChunkExecution(threads, 3, chunker, 0)
                .run(chunks(6), (chunk, part) -> answer(chunk));
        assertThat(pieces).extracting(p -> p.outcome().text())
                .containsExactly("Paragraph 0.", "Paragraph 1.", "Paragraph 2.", "Paragraph 3.", "Paragraph 4.", "Paragraph 5.");
        threads.shutdown();
    }

    /** One permit: the chunks run one after the other, in whatever order they get it; none may start after a failure. */
    @RepeatedTest(20)
    void noChunkIsSentAfterAnotherFailed() throws Exception {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        List<Integer> called = Collections.synchronizedList(new ArrayList<>());
        LlmException failure = new LlmException(LlmException.Kind.UPSTREAM, "the LLM answered 500");

        assertThatThrownBy(() -> new ChunkExecution(threads, 1, chunker, 0).run(chunks(5), (chunk, part) -> {
            called.add(chunk.index());
            if (chunk.index() == 2) {
                throw failure;
            }
            return answer(chunk);
        })).isSameAs(failure);

        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        // every call that was made happened before the failing one, or was the failing one
        assertThat(called).contains(2).last().isEqualTo(2);
    }
}
