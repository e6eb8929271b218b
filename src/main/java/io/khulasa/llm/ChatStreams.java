package io.khulasa.llm;

import java.util.function.Consumer;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Streams one chat completion ({@code stream: true}) from the LLM server. */
public interface ChatStreams {

    /**
     * Blocks until the stream has ended, handing each piece of the answer on as it arrives.
     *
     * @param onPiece called with each non-empty piece, in order, on the calling thread
     * @return the whole answer: text, finish reason, usage and the model that answered
     * @throws LlmStreamException when the stream broke: an error chunk, or an end without a finish reason
     * @throws RuntimeException   what the server answered instead of a stream, or what the connection did
     */
    ChatResponse stream(ChatRequest request, Consumer<String> onPiece);
}
