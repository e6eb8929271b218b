package io.khulasa.guards;

import java.util.List;

/**
 * Outcome of {@link OutputGuards#check}.
 *
 * @param cleanedOutput the answer without harmless wrappers: what the caller should return
 * @param results       one result per applicable check, failed or passed
 * @param stripped      what the {@link WrapperStripper} removed (empty if nothing)
 */
public record GuardReport(String cleanedOutput, List<GuardResult> results, List<String> stripped) {

    public GuardReport {
        stripped = List.copyOf(stripped);
        results = List.copyOf(results);
    }

    /** @return true if no hard check failed (warnings allowed) */
    public boolean accepted() {
        return results.stream().noneMatch(GuardResult::rejects);
    }

    /** @return the failed checks, hard and soft */
    public List<GuardResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** @return the failed hard checks (reasons to reject the answer) */
    public List<GuardResult> hardFailures() {
        return results.stream().filter(GuardResult::rejects).toList();
    }

    /** @return the failed soft checks (warnings to pass on with the answer) */
    public List<GuardResult> warnings() {
        return results.stream().filter(r -> !r.passed() && !r.hard()).toList();
    }
}
