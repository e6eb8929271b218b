package io.khulasa.problems;

/**
 * Both parts of a digest failed: answered with the summary's problem (status, code, {@code Retry-After}) and both
 * problems in {@code errors}.
 */
public class DigestFailedException extends RuntimeException {

    private final RuntimeException summaryFailure;
    private final RuntimeException translationFailure;

    public DigestFailedException(RuntimeException summaryFailure, RuntimeException translationFailure) {
        super("Both parts of the digest failed; see 'errors'", null, false, false);
        this.summaryFailure = summaryFailure;
        this.translationFailure = translationFailure;
    }

    public RuntimeException summaryFailure() {
        return summaryFailure;
    }

    public RuntimeException translationFailure() {
        return translationFailure;
    }
}
