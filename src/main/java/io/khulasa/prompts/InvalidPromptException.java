package io.khulasa.prompts;

/** A prompt file that cannot be used; thrown at start-up, so the message always names the file. */
public class InvalidPromptException extends RuntimeException {

    public InvalidPromptException(String location, String problem) {
        super("Invalid prompt file " + location + ": " + problem);
    }

    public InvalidPromptException(String location, String problem, Throwable cause) {
        super("Invalid prompt file " + location + ": " + problem, cause);
    }
}
