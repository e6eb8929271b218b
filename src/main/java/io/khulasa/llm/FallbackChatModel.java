package io.khulasa.llm;

import java.util.Optional;

import io.khulasa.config.KhulasaConfig;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The optional second model ({@code khulasa.llm.fallback.*}), built by hand because quarkus-langchain4j configures one
 * OpenAI model per name and khulasa wants the fallback invisible to the rest of the code. Same protocol, same REST
 * client stack (so {@link RetryAfterCapture} and the error classification apply), no own retries: {@link ChatGateway}
 * retries.
 *
 * @param model     the fallback chat model
 * @param modelName the model name to send, or null to send the name the primary was asked for
 */
record FallbackChatModel(ChatModel model, String modelName) {

    static Optional<FallbackChatModel> from(KhulasaConfig.Fallback config) {
        Optional<String> baseUrl = config.baseUrl().filter(u -> !u.isBlank());
        if (baseUrl.isEmpty()) {
            return Optional.empty();
        }
        String modelName = config.model().filter(m -> !m.isBlank()).orElse(null);
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl.get())
                .apiKey(config.apiKey().filter(k -> !k.isBlank()).orElse("no-key"))
                .modelName(modelName == null ? "default" : modelName)
                .timeout(config.timeout())
                .maxRetries(0)
                // Never log prompts or completions: articles may be embargoed.
                .logRequests(false)
                .logResponses(false)
                .build();
        return Optional.of(new FallbackChatModel(model, modelName));
    }
}
