package io.khulasa.tasks;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.extractive.ExtractiveSummarizer;
import io.khulasa.extractive.ExtractiveSummary;
import io.khulasa.extractive.SummaryLength;
import io.khulasa.llm.LlmException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The deterministic extractive summary ({@link ExtractiveSummarizer}: verbatim sentences of the cleaned article) as
 * a fallback when the LLM is <em>unavailable</em>, and only when the request asked for it ({@code allowExtractive}).
 * Never silent: the outcome is marked {@code engine: extractive} and carries a warning saying why. Never for bad input
 * (that fails before any LLM call), nor for an LLM that answered badly (rejected, truncated, malformed answers):
 * those are errors, not outages.
 */
@ApplicationScoped
public class ExtractiveFallback {

    /**
     * LLM failure kinds that mean "unavailable". Named, not enum constants, so the set also covers kinds added by
     * the gateway's protection (bulkhead full, circuit open) without this class depending on them.
     */
    static final Set<String> UNAVAILABLE = Set.of("UNREACHABLE", "TIMEOUT", "UPSTREAM", "RATE_LIMITED", "SATURATED",
            "CIRCUIT_OPEN");

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private final MeterRegistry registry;

    public ExtractiveFallback(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Whether {@code failure} means the LLM is unavailable (so the fallback may stand in for it). */
    public static boolean unavailable(LlmException failure) {
        return UNAVAILABLE.contains(failure.kind().name());
    }

    /** Whether this request may, and this failure should, be answered by the extractive summary. */
    public boolean applies(SummaryOptions options, RuntimeException failure) {
        return options.allowExtractive() && failure instanceof LlmException e && unavailable(e);
    }

    /** The extractive summary standing in for the LLM's, with the reason as a warning. */
    public TaskOutcome summarize(CleanedArticle article, SummaryOptions options, LlmException why) {
        SummaryLength length = options.length() == null ? SummaryLength.MEDIUM : SummaryLength.parse(options.length());
        ExtractiveSummary summary = summarizer.summarize(article.text(), length);
        String text = "bullets".equals(options.format())
                ? summary.sentences().stream().map(s -> "- " + s.text()).collect(Collectors.joining("\n"))
                : summary.text();
        registry.counter("khulasa.extractive.fallbacks", "reason", why.kind().code()).increment();
        String warning = "extractive-fallback: the language model was unavailable (" + why.kind().code()
                + "), so this summary is the article's " + summary.sentences().size()
                + " most central sentences, verbatim, not an LLM summary";
        return new TaskOutcome(Tasks.SUMMARIZE, text, null, null, null, java.util.List.of(),
                java.util.List.of(warning), false, TaskOutcome.EXTRACTIVE);
    }
}
