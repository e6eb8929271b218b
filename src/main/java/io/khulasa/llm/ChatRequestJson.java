package io.khulasa.llm;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.FinishReason;

/**
 * The chat completions request khulasa sends, blocking ({@link ChatCompletions}) or streamed
 * ({@link OpenAiChatStreams}), written field by field with no request record in between: {@code model},
 * {@code messages}, {@code temperature}, {@code top_p}, {@code max_tokens}, the penalties, and for a stream
 * {@code stream} with usage included. The golden request tests pin it.
 */
final class ChatRequestJson {

    private ChatRequestJson() {
    }

    static void write(JsonGenerator g, ChatRequest request, ChatCompletions.Sampling sampling, boolean stream)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("model", request.parameters().modelName());
        g.writeArrayFieldStart("messages");
        for (ChatMessage message : request.messages()) {
            g.writeStartObject();
            switch (message) {
                case SystemMessage s -> message(g, "system", s.text());
                case UserMessage u -> message(g, "user", u.singleText());
                case AiMessage a -> message(g, "assistant", a.text());
                default -> throw new IllegalArgumentException("Unexpected message type " + message.type());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (request.parameters().temperature() != null) {
            g.writeNumberField("temperature", request.parameters().temperature());
        }
        g.writeNumberField("top_p", sampling.topP());
        if (request.parameters().maxOutputTokens() != null) {
            g.writeNumberField("max_tokens", request.parameters().maxOutputTokens());
        }
        g.writeNumberField("presence_penalty", sampling.presencePenalty());
        g.writeNumberField("frequency_penalty", sampling.frequencyPenalty());
        if (stream) {
            g.writeBooleanField("stream", true);
            g.writeObjectFieldStart("stream_options");
            g.writeBooleanField("include_usage", true);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String role, String content) throws IOException {
        g.writeStringField("role", role);
        g.writeStringField("content", content);
    }

    /** A choice's {@code finish_reason} as LangChain4j names it. */
    static FinishReason finishReason(String reason) {
        return switch (reason.toLowerCase(Locale.ROOT)) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_EXECUTION;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** A generous first size for the request's bytes: Arabic is two bytes a character in UTF-8. */
    static int sizeHint(ChatRequest request) {
        long chars = 0;
        for (ChatMessage message : request.messages()) {
            chars += switch (message) {
                case SystemMessage s -> s.text().length();
                case UserMessage u -> u.singleText().length();
                case AiMessage a -> a.text() == null ? 0 : a.text().length();
                default -> 0;
            };
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, chars * 2 + 512);
    }
}
