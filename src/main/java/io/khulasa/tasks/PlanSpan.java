package io.khulasa.tasks;

import io.khulasa.telemetry.Traces;

/** What a plan decided, on its span: chunk count and token budget (sizes only, never the text). */
final class PlanSpan {

    private PlanSpan() {
    }

    /** @param cap the budget a server's context window forced on a re-plan, or 0 */
    static <P extends PlannedTask.Plan<?>> P describe(Traces.Step step, String task, MeasuredArticle article, P plan,
            int cap) {
        if (cap > 0) {
            step.set("khulasa.plan.replanned_cap", cap);
        }
        step.set("khulasa.task", task)
                .set("khulasa.plan.chunks", plan.chunkCount())
                .set("khulasa.plan.token_budget", plan.budget())
                .set("khulasa.article.tokens", article.tokens());
        return plan;
    }
}
