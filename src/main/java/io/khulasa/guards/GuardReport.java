package io.khulasa.guards;

import java.util.ArrayList;
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

    // Plain loops, not streams: these run on every answer, after the model's wait, when the CPU's caches are cold, and
    // a stream pipeline is many times the code of a loop over four results (issue 20).

    /** @return true if no hard check failed (warnings allowed) */
    public boolean accepted() {
        for (GuardResult r : results) {
            if (r.rejects()) {
                return false;
            }
        }
        return true;
    }

    /** @return the failed checks, hard and soft */
    public List<GuardResult> failures() {
        return failed(false);
    }

    /** @return the failed hard checks (reasons to reject the answer) */
    public List<GuardResult> hardFailures() {
        return failed(true);
    }

    /** @return the failed soft checks (warnings to pass on with the answer) */
    public List<GuardResult> warnings() {
        List<GuardResult> warnings = List.of();
        for (GuardResult r : results) {
            if (!r.passed() && !r.hard()) {
                warnings = warnings.isEmpty() ? new ArrayList<>() : warnings;
                warnings.add(r);
            }
        }
        return warnings.isEmpty() ? warnings : List.copyOf(warnings);
    }

    /** The failed checks, only the hard ones when {@code hardOnly}. */
    private List<GuardResult> failed(boolean hardOnly) {
        List<GuardResult> failed = List.of();
        for (GuardResult r : results) {
            if (!r.passed() && (r.hard() || !hardOnly)) {
                failed = failed.isEmpty() ? new ArrayList<>() : failed;
                failed.add(r);
            }
        }
        return failed.isEmpty() ? failed : List.copyOf(failed);
    }
}
