package io.khulasa.tasks;

import io.khulasa.telemetry.Traces;

/** What a plan decided, on its span: chunk count and token budget (sizes only, never the text). */
final class PlanSpan {

    private PlanSpan() {
    }

    /** @param cap the budget a server's context window forced on a re-plan, or 0 */
    static <P> P describe(Traces.Step step, String task, MeasuredArticle article, int budget, int chunks, int cap,
            P plan) {
        if (cap > 0) {
            step.set("khulasa.plan.replanned_cap", cap);
        }
        step.set("khulasa.task", task)
                .set("khulasa.plan.chunks", chunks)
                .set("khulasa.plan.token_budget", budget)
                .set("khulasa.article.tokens", article.tokens());
        return plan;
    }
}
