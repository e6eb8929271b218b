package io.khulasa.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.attribution.SummaryAttribution;
import io.khulasa.telemetry.Traces;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.guards.EchoGuard;
import io.khulasa.guards.GuardReport;
import io.khulasa.guards.GuardResult;
import io.khulasa.guards.LanguageGuard;
import io.khulasa.guards.NameGuard;
import io.khulasa.guards.OutputGuards;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.llm.ChatGateway;
import io.khulasa.llm.LlmCall;
import io.khulasa.llm.LlmResult;
import io.khulasa.prompts.RepromptTexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Every LLM answer passes the {@link OutputGuards} before it is used: whole-article answers, chunk answers, the reduce
 * step of a long summary, and streamed answers once they are complete.
 * <ul>
 * <li>Harmless wrappers («Here is the translation:», code fences, quotes) are stripped; the stripped text is what the
 * caller gets.</li>
 * <li>A <b>hard</b> failure ({@code output-empty}, {@code output-wrong-language}, {@code output-echo},
 * {@code output-number-mismatch}) triggers <b>one</b> reprompt: the same conversation continued by the rejected
 * answer and a user message saying what was wrong (the prompt version's {@code reprompt} text, else the packaged
 * default). If that answer fails a hard guard too, {@link OutputRejectedException} (502, code = the guard).</li>
 * <li>A <b>soft</b> failure ({@code output-missing-names}) becomes a warning {@code "<code>: <detail>"}.</li>
 * </ul>
 * Budget: the reprompt counts toward {@code khulasa.llm.max-attempts} (default 4) LLM calls per task, retries
 * included: it may use only what the first answer left. With no call left, the first rejection is final. A streamed
 * answer whose text already reached the client is never reprompted ({@link #check} tells the caller, which decides).
 */
@ApplicationScoped
public class GuardedCompletion {

    /** Guard code of the warning that says an answer was accepted only after a reprompt. */
    public static final String REPROMPTED = "output-reprompted";

    /** Share of the answer's 4-grams found in the source above which an Arabic answer counts as a copy (echo). */
    static final double ECHO_OVERLAP = 0.5;

    private final ChatGateway gateway;
    private final RepromptTexts texts;
    private final int maxAttempts;
    private final MeterRegistry registry;
    private final OutputGuards guards = new OutputGuards();
    private final NameGuard names = new NameGuard();

    public GuardedCompletion(ChatGateway gateway, RepromptTexts texts, KhulasaConfig config, MeterRegistry registry) {
        this.gateway = gateway;
        this.texts = texts;
        this.maxAttempts = Math.max(1, config.llm().maxAttempts());
        this.registry = registry;
    }

    /**
     * An accepted answer.
     *
     * @param result   the LLM result, its text the stripped answer; usage, time and attempts summed over both turns
     *                 when there was a reprompt
     * @param warnings soft failures (and a note when a reprompt was needed)
     */
    public record Answer(LlmResult result, List<String> warnings) {
    }

    /** What the guards say of one answer. */
    sealed interface Verdict permits Accepted, Rejected {
    }

    /** The answer passed every hard guard. */
    record Accepted(Answer answer) implements Verdict {
    }

    /**
     * The answer failed a hard guard.
     *
     * @param answer    the rejected answer
     * @param report    every guard's result
     * @param diagnosis the hard failures worth reporting, most telling first
     */
    record Rejected(LlmResult answer, GuardReport report, List<GuardResult> diagnosis) implements Verdict {
    }

    /**
     * Calls the LLM and guards the answer, reprompting once on a hard failure.
     *
     * @throws OutputRejectedException when the answer (and the reprompt's) failed a hard guard
     * @throws io.khulasa.llm.LlmException when a call failed
     */
    public Answer complete(PreparedCall call) {
        return switch (check(call, gateway.complete(call.llmCall()), "first")) {
            case Accepted accepted -> accepted.answer();
            case Rejected rejected -> Traces.inStep("khulasa reprompt", () -> reprompt(call, rejected));
        };
    }

    /**
     * {@link #complete} without blocking while the call can be made so ({@link ChatGateway#completeAsync}); the guards
     * run where the answer arrives, a reprompt on {@code blocking}.
     *
     * @return the accepted answer, or a stage failed with what {@link #complete} would throw
     */
    CompletionStage<Answer> completeAsync(PreparedCall call, Executor blocking) {
        return gateway.completeAsync(call.llmCall(), blocking).thenCompose(first -> switch (check(call, first, "first")) {
            case Accepted accepted -> CompletableFuture.completedFuture(accepted.answer());
            case Rejected rejected -> CompletableFuture.supplyAsync(
                    () -> Traces.inStep("khulasa reprompt", () -> reprompt(call, rejected)), blocking);
        });
    }

    /**
     * Calls the LLM as a stream, each piece of the answer to {@code onDelta} as it comes; the complete answer is then
     * for {@link #check} (and, if rejected while none of it was shown, {@link #reprompt}).
     *
     * @throws io.khulasa.llm.LlmException when the call failed
     */
    LlmResult stream(PreparedCall call, Consumer<String> onDelta) {
        return gateway.stream(call.llmCall(), onDelta);
    }

    /** Checks one complete answer (a blocking call's, or a stream's once it has ended). */
    Verdict check(PreparedCall call, LlmResult answer, String turn) {
        GuardReport report;
        try (Traces.Step step = Traces.step("khulasa guards")) {
            report = supported(call,
                    guards.check(call.task().guard(), call.guardSource(), answer.text(), expectedNames(call)));
            // Guard codes only: a finding's detail quotes the article.
            step.set("khulasa.task", call.task().id()).set("khulasa.guard.turn", turn)
                    .set("khulasa.guard.accepted", report.accepted());
            if (!report.accepted()) {
                step.set("khulasa.guard.rejected_by", codes(diagnosis(call.guardSource(), report)));
            }
            if (!report.warnings().isEmpty()) {
                step.set("khulasa.guard.warnings", codes(report.warnings()));
            }
        }
        count(call.task(), report, turn);
        if (report.accepted()) {
            return new Accepted(new Answer(withText(answer, report.cleanedOutput()), softWarnings(call, report)));
        }
        return new Rejected(answer, report, diagnosis(call.guardSource(), report));
    }

    /**
     * Strict mode ({@link PreparedCall#support}): a sentence of the summary that the article does not support is a hard
     * failure {@code output-unsupported}, its detail naming each such sentence (so the reprompt names it). The
     * sentences are the answer's, never the article's.
     */
    static GuardReport supported(PreparedCall call, GuardReport report) {
        if (call.support() == null
                || report.results().stream().anyMatch(r -> r.guard().equals(OutputGuards.EMPTY) && !r.passed())) {
            return report;
        }
        SummaryAttribution support = call.support().check(report.cleanedOutput());
        List<Integer> unsupported = support.unsupportedIndexes();
        List<GuardResult> results = new ArrayList<>(report.results());
        results.add(new GuardResult(SupportCheck.CODE, unsupported.isEmpty(), true, unsupported.isEmpty()
                ? "every sentence is supported by the article" : SupportCheck.detail(support, unsupported)));
        return new GuardReport(report.cleanedOutput(), results, report.stripped());
    }

    /**
     * The one reprompt after a rejected answer: the same conversation continued by the rejected answer and what was
     * wrong with it, within what the first answer left of the attempt budget.
     *
     * @throws OutputRejectedException when no call is left or the second answer is rejected too
     */
    Answer reprompt(PreparedCall call, Rejected rejected) {
        LlmResult first = rejected.answer();
        int left = maxAttempts - first.attempts();
        if (left <= 0) {
            Log.debugf("%s answer rejected by %s; no LLM call left for a reprompt", call.task(),
                    codes(rejected.diagnosis()));
            throw rejection(call, rejected, "no LLM call left in the task's budget for a reprompt", first.attempts());
        }
        String problem = rejected.diagnosis().stream()
                .map(r -> texts.problem(r.guard(), call.task().id()) + " (" + r.detail() + ")")
                .collect(Collectors.joining("; "));
        String reprompt = texts.reprompt(call.template(), problem);
        Log.debugf("%s answer rejected by %s; reprompting (%d call(s) left)", call.task(), codes(rejected.diagnosis()),
                left);
        LlmResult second = gateway.complete(call.llmCall().followedBy(
                List.of(LlmCall.Turn.assistant(first.text()), LlmCall.Turn.user(reprompt)), left));
        int calls = first.attempts() + second.attempts();
        return switch (check(call, second, "reprompt")) {
            case Rejected again -> throw rejection(call, again, "the answer to the reprompt was rejected too", calls);
            case Accepted accepted -> {
                LlmResult combined = new LlmResult(accepted.answer().result().text(), second.model(),
                        first.usage().plus(second.usage()), first.durationMs() + second.durationMs(), calls);
                List<String> warnings = new ArrayList<>();
                warnings.add(REPROMPTED + ": the first answer was rejected (" + codes(rejected.diagnosis())
                        + ") and asked again");
                warnings.addAll(accepted.answer().warnings());
                yield new Answer(combined, warnings);
            }
        };
    }

    /** The failure for a rejected answer that is final. */
    static OutputRejectedException rejection(PreparedCall call, Rejected rejected, String why, int calls) {
        Task task = call.task();
        List<GuardResult> failed = rejected.diagnosis();
        String what = switch (task.guard()) {
            case SUMMARY -> "summary";
            case TRANSLATION -> "translation";
        };
        String where = call.chunk() == PreparedCall.WHOLE ? "" : " of chunk " + call.chunk();
        String detail = "The " + what + where + " failed the "
                + failed.stream().map(r -> r.guard() + " check (" + r.detail() + ")").collect(Collectors.joining(", "))
                + "; " + why;
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (call.support() != null && failed.stream().anyMatch(r -> r.guard().equals(SupportCheck.CODE))) {
            // The first unsupported sentence and its index, for a client that marks it.
            SummaryAttribution support = call.support().check(rejected.report().cleanedOutput());
            support.unsupportedIndexes().stream().findFirst().ifPresent(i -> {
                extensions.put("sentence", support.sentences().get(i).text());
                extensions.put("sentenceIndex", i);
            });
        }
        return new OutputRejectedException(failed.get(0).guard(), task.id(), detail, calls,
                call.chunk() == PreparedCall.WHOLE ? null : call.chunk(), extensions);
    }

    /**
     * The hard failures worth reporting, most telling first. An Arabic "translation" fails both the language and the
     * echo check; only one of them says what happened: {@code output-echo} when the answer is mostly the source
     * itself (a copy), {@code output-wrong-language} when it is other Arabic text (e.g. it obeyed an instruction
     * hidden in the article).
     */
    static List<GuardResult> diagnosis(String source, GuardReport report) {
        List<GuardResult> hard = new ArrayList<>(report.hardFailures());
        boolean echo = hard.stream().anyMatch(r -> r.guard().equals(EchoGuard.CODE));
        boolean language = hard.stream().anyMatch(r -> r.guard().equals(LanguageGuard.CODE));
        if (echo && language) {
            boolean copy = EchoGuard.overlap(source, report.cleanedOutput()) >= ECHO_OVERLAP;
            hard.removeIf(r -> r.guard().equals(copy ? LanguageGuard.CODE : EchoGuard.CODE));
        }
        return hard;
    }

    private static List<String> expectedNames(PreparedCall call) {
        if (call.glossary().isEmpty()) {
            return List.of(); // every summary call, and most translations: no stream pipeline on a cold CPU
        }
        return call.glossary().stream().map(GlossaryEntry::english).distinct().toList();
    }

    /**
     * {@code "<code>: <detail>"} per soft failure; a missing glossary rendering is one warning per entry, naming the
     * Arabic it renders: {@code output-missing-names: 'Nagorno-Karabakh' for «قره باغ»}.
     */
    private List<String> softWarnings(PreparedCall call, GuardReport report) {
        List<String> warnings = new ArrayList<>();
        for (GuardResult w : report.warnings()) {
            if (w.guard().equals(NameGuard.CODE) && !call.glossary().isEmpty()) {
                List<String> missing = names.missingNames(
                        call.glossary().stream().map(GlossaryEntry::english).toList(), report.cleanedOutput());
                call.glossary().stream().filter(e -> missing.contains(e.english()))
                        .forEach(e -> warnings.add(w.guard() + ": '" + e.english() + "' for «" + e.arabic() + "»"));
            } else {
                warnings.add(w.guard() + ": " + w.detail());
            }
        }
        return warnings;
    }

    private static String codes(List<GuardResult> results) {
        return results.stream().map(GuardResult::guard).collect(Collectors.joining(", "));
    }

    private static LlmResult withText(LlmResult result, String text) {
        return text.equals(result.text()) ? result
                : new LlmResult(text, result.model(), result.usage(), result.durationMs(), result.attempts());
    }

    private void count(Task task, GuardReport report, String turn) {
        for (GuardResult r : report.failures()) {
            registry.counter("khulasa.guard.failures", "task", task.id(), "guard", r.guard(),
                    "severity", r.hard() ? "hard" : "soft", "turn", turn.toLowerCase(Locale.ROOT)).increment();
        }
    }
}
