package io.khulasa.llm;

import dev.langchain4j.model.chat.ChatModel;

/**
 * The optional second model ({@code khulasa.llm.fallback.*}, built by {@link ChatClients}), invisible to the rest of
 * the code: {@link ChatGateway} asks it when the primary is down, with the same prompt; no retries of its own.
 *
 * @param model     the fallback chat model
 * @param modelName the model name to send, or null to send the name the primary was asked for
 */
record FallbackChatModel(ChatModel model, String modelName) {
}
