package io.khulasa.tasks;

/**
 * Both parts of a digest; a part is either an outcome or the failure that stopped it, never both, never neither.
 */
public record DigestOutcome(TaskOutcome summary, RuntimeException summaryFailure, TaskOutcome translation,
        RuntimeException translationFailure) {

    public boolean allFailed() {
        return summary == null && translation == null;
    }
}
