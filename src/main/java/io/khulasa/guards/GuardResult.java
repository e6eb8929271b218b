package io.khulasa.guards;

/**
 * The verdict of one output check.
 *
 * @param guard  stable code of the check, also the problem code when it fails: {@code output-empty},
 *               {@code output-wrong-language}, {@code output-echo}, {@code output-number-mismatch},
 *               {@code output-missing-names}
 * @param passed true if the output is fine for this check
 * @param hard   true if a failure must reject the output (retry or error); false for a warning only
 * @param detail short human-readable explanation (never the whole output)
 */
public record GuardResult(String guard, boolean passed, boolean hard, String detail) {

    /** @return true if this check failed and the failure is a hard one */
    public boolean rejects() {
        return !passed && hard;
    }

    static GuardResult pass(String guard, boolean hard, String detail) {
        return new GuardResult(guard, true, hard, detail);
    }

    static GuardResult fail(String guard, boolean hard, String detail) {
        return new GuardResult(guard, false, hard, detail);
    }
}
