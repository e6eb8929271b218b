package io.khulasa.llm;

/**
 * A streamed completion broke off: the server sent an error chunk ({@code data: {"error": …}}) or closed the stream
 * without a finish reason. Carries what the server said, when it said something.
 */
public class LlmStreamException extends RuntimeException {

    private final transient ServerError said;

    public LlmStreamException(String detail, ServerError said) {
        super(detail, null, false, false);
        this.said = said;
    }

    /** What the server's error chunk said; a message-less error when the stream just ended. */
    public ServerError said() {
        return said;
    }
}
