package io.khulasa.llm;

import java.util.concurrent.CompletionStage;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * A chat model that can also make its call without blocking the caller ({@link ChatGateway#completeAsync}): the
 * request's event loop sends it and reads the answer, instead of parking a virtual thread while it does.
 */
public interface NonBlockingChatModel extends ChatModel {

    /**
     * The call {@link #chat(ChatRequest)} would make, as a stage: it completes with the same response, or fails with
     * the same exception.
     */
    CompletionStage<ChatResponse> chatAsync(ChatRequest request);
}
