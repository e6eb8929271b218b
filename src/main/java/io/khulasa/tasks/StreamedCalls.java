package io.khulasa.tasks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.llm.ChatGateway;

/** Runs one prepared task as a stream: the answer's text goes to the sink as the LLM writes it. */
@ApplicationScoped
public class StreamedCalls {

    private final ChatGateway gateway;
    private final LongArticles longArticles;

    public StreamedCalls(ChatGateway gateway, LongArticles longArticles) {
        this.gateway = gateway;
        this.longArticles = longArticles;
    }

    /**
     * Streams the call; a title-then-body answer's title line is not streamed but returned in the outcome.
     *
     * @throws io.khulasa.llm.LlmException when the call fails, including {@code llm-truncated} for a completion cut by
     *         the output limit (after the text before the cut was streamed)
     */
    public TaskOutcome stream(PreparedCall call, DeltaSink sink) {
        return OrderedStreams.stream(gateway, longArticles.virtualThreads(), 1, List.of(call), List.of(), sink).get(0);
    }
}
