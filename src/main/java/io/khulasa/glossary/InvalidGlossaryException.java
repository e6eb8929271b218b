package io.khulasa.glossary;

/** A glossary file or a per-request glossary that cannot be used; the message names the file and line or entry. */
public class InvalidGlossaryException extends RuntimeException {

    public InvalidGlossaryException(String message) {
        super(message);
    }

    public InvalidGlossaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
