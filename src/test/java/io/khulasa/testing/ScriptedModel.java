package io.khulasa.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.khulasa.llm.ChatStreams;
import io.khulasa.llm.LlmStreamException;
import io.khulasa.llm.NonBlockingChatModel;
import io.khulasa.llm.ServerError;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * A chat model and stream source for unit tests of the orchestration: each request (blocking or streamed) is answered
 * by a script, and every request is recorded. No HTTP: what the clients would hand the gateway, nothing more.
 */
public final class ScriptedModel implements NonBlockingChatModel, ChatStreams {

    /**
     * One answer.
     *
     * @param pieces  the completion's pieces (a blocking answer is their concatenation)
     * @param finish  its finish reason (null: a stream that ended without one)
     * @param failure thrown (blocking) or reported to {@code onError} (streamed, after the pieces) when set
     */
    public record Reply(List<String> pieces, FinishReason finish, RuntimeException failure) {

        public static Reply text(String... pieces) {
            return new Reply(List.of(pieces), FinishReason.STOP, null);
        }

        public static Reply cut(String... pieces) {
            return new Reply(List.of(pieces), FinishReason.LENGTH, null);
        }

        public static Reply failing(RuntimeException failure) {
            return new Reply(List.of(), null, failure);
        }

        String whole() {
            return String.join("", pieces);
        }
    }

    private volatile Function<ChatRequest, Reply> script = request -> Reply.text("answer");
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    /** Answers every further request with {@code script}. */
    public ScriptedModel answering(Function<ChatRequest, Reply> script) {
        this.script = script;
        return this;
    }

    /** Every request so far, oldest first. */
    public List<ChatRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The user message (the one with the article) of a request. */
    public static String user(ChatRequest request) {
        return request.messages().stream().filter(UserMessage.class::isInstance).map(m -> ((UserMessage) m).singleText())
                .findFirst().orElse("");
    }

    /** The system message of a request. */
    public static String system(ChatRequest request) {
        return request.messages().stream().filter(SystemMessage.class::isInstance).map(m -> ((SystemMessage) m).text())
                .findFirst().orElse("");
    }

    /** Whether the request continues an earlier answer (a reprompt). */
    public static boolean isReprompt(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        return messages.stream().anyMatch(AiMessage.class::isInstance);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Reply reply = script.apply(request);
        if (reply.failure() != null) {
            throw reply.failure();
        }
        return response(request, reply);
    }

    /** The same answer as a stage, as the real client's non-blocking call gives it (the gateway's event-loop path). */
    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        try {
            return CompletableFuture.completedFuture(doChat(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Streamed: the pieces, then the failure if any; no finish reason is a broken stream, as the real client says. */
    @Override
    public ChatResponse stream(ChatRequest request, Consumer<String> onPiece) {
        requests.add(request);
        Reply reply = script.apply(request);
        reply.pieces().stream().filter(p -> !p.isEmpty()).forEach(onPiece);
        if (reply.failure() != null) {
            throw reply.failure();
        }
        if (reply.finish() == null) {
            throw new LlmStreamException("The LLM's stream ended without a finish reason", ServerError.parse(null));
        }
        return response(request, reply);
    }

    /** Usage as a real server reports it: the prompt counted at the Qwen2 tokenizer's 2.83 characters per token. */
    private static ChatResponse response(ChatRequest request, Reply reply) {
        long chars = request.messages().stream().mapToLong(m -> switch (m) {
            case SystemMessage s -> s.text().length();
            case UserMessage u -> u.singleText().length();
            case AiMessage a -> a.text() == null ? 0 : a.text().length();
            default -> 0;
        }).sum();
        return ChatResponse.builder().aiMessage(AiMessage.from(reply.whole())).finishReason(reply.finish())
                .tokenUsage(new TokenUsage((int) Math.max(1, Math.round(chars / 2.83)), 50)).modelName("scripted").build();
    }
}
