package io.khulasa.llm;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;

/**
 * Translates whatever the HTTP clients ({@link ChatCompletions}, the JDK's for streams) threw into one
 * {@link LlmException}. The causes are looked at
 * as a whole chain because the same failure arrives wrapped differently depending on where it happened.
 */
final class LlmErrorClassifier {

    private LlmErrorClassifier() {
    }

    static LlmException classify(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (t instanceof LlmException e) {
                return e;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof LlmStreamException broken) {
                // A server that is full may say so in its first chunk instead of its status; nothing was delivered then.
                return broken.said().atCapacity()
                        ? LlmException.serverAtCapacity("The LLM server is at capacity" + broken.said().quoted(), null, t)
                        : new LlmException(LlmException.Kind.STREAM_BROKEN, broken.getMessage(), null, t);
            }
            if (t instanceof HttpException http) {
                Duration retryAfter = http instanceof LlmHttpException l ? l.retryAfter().orElse(null) : null;
                return fromStatus(http.statusCode(), ServerError.parse(http.getMessage()), retryAfter, http);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof UnresolvedAddressException || t instanceof UnresolvedModelServerException
                    || t.getClass().getSimpleName().contains("ConnectException")) {
                return new LlmException(LlmException.Kind.UNREACHABLE,
                        "Could not connect to the configured LLM base URL (" + t.getClass().getSimpleName() + ")", null, failure);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.http.HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new LlmException(LlmException.Kind.TIMEOUT,
                        "The LLM did not answer within the configured timeout", null, failure);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof JsonProcessingException
                    || t.getClass().getName().equals("io.quarkiverse.langchain4j.openai.common.OpenAiApiException")) {
                return new LlmException(LlmException.Kind.MALFORMED,
                        "The LLM's answer is not a valid chat completion", null, failure);
            }
        }
        // The innermost cause names what went wrong (an SSLHandshakeException, not the wrapper it arrived in).
        return new LlmException(LlmException.Kind.UPSTREAM,
                "The LLM call failed (" + chain.get(chain.size() - 1).getClass().getSimpleName() + ")", null, failure);
    }

    /**
     * An HTTP error answer, with what the server said: a prompt over the context window (400, in any of the known
     * wordings) and a full server (its slots, its queue) are told apart from rejections and outages.
     */
    static LlmException fromStatus(int status, ServerError said, Duration retryAfter, Throwable cause) {
        String quoted = said.quoted();
        if (status == 429) {
            return new LlmException(LlmException.Kind.RATE_LIMITED, "The LLM answered HTTP 429 (rate limited)" + quoted,
                    retryAfter, cause);
        }
        if (status >= 400 && status < 500 && status != 408 && said.contextExceeded()) {
            return new LlmException(LlmException.Kind.CONTEXT_EXCEEDED, "The prompt does not fit the model's context "
                    + "window (HTTP " + status + ")" + quoted, null,
                    new LlmException.ContextOverflow(said.promptTokens(), said.contextWindow()), cause);
        }
        if ((status == 500 || status == 503) && said.atCapacity()) {
            return LlmException.serverAtCapacity("The LLM server is at capacity (HTTP " + status + ")" + quoted,
                    retryAfter, cause);
        }
        if (status == 408 || status == 504) {
            return new LlmException(LlmException.Kind.TIMEOUT, "The LLM answered HTTP " + status + " (timeout)" + quoted,
                    retryAfter, cause);
        }
        if (status >= 500) {
            return new LlmException(LlmException.Kind.UPSTREAM, "The LLM answered HTTP " + status + quoted, retryAfter,
                    cause);
        }
        return new LlmException(LlmException.Kind.REJECTED, "The LLM answered HTTP " + status
                + " (check the API key and model name)" + quoted, null, cause);
    }
}
