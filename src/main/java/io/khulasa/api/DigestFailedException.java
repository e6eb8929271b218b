package io.khulasa.api;

/**
 * Both parts of a digest failed: answered with the summary's problem (status, code, {@code Retry-After}) and both
 * problems in {@code errors}.
 */
class DigestFailedException extends RuntimeException {

    private final RuntimeException summaryFailure;
    private final RuntimeException translationFailure;

    DigestFailedException(RuntimeException summaryFailure, RuntimeException translationFailure) {
        super("Both parts of the digest failed; see 'errors'", null, false, false);
        this.summaryFailure = summaryFailure;
        this.translationFailure = translationFailure;
    }

    RuntimeException summaryFailure() {
        return summaryFailure;
    }

    RuntimeException translationFailure() {
        return translationFailure;
    }
}
