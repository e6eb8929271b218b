package io.khulasa.tasks;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.extractive.ExtractiveSummarizer;
import io.khulasa.extractive.ExtractiveSummary;
import io.khulasa.llm.LlmException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

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
     * LLM failure kinds that mean "unavailable": down, slow, overloaded or paused by the gateway's protection (bulkhead
     * full, circuit open). Not REJECTED, MALFORMED, EMPTY, TRUNCATED: those are a live LLM answering badly.
     */
    static final Set<LlmException.Kind> UNAVAILABLE = EnumSet.of(LlmException.Kind.UNREACHABLE, LlmException.Kind.TIMEOUT,
            LlmException.Kind.UPSTREAM, LlmException.Kind.RATE_LIMITED, LlmException.Kind.SATURATED,
            LlmException.Kind.CIRCUIT_OPEN);

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
    private final MeterRegistry registry;

    public ExtractiveFallback(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Whether this request may, and this failure should, be answered by the extractive summary. */
    boolean applies(SummaryOptions options, RuntimeException failure) {
        return options.allowExtractive() && failure instanceof LlmException e && UNAVAILABLE.contains(e.kind());
    }

    /**
     * The extractive summary when it {@link #applies}, else the failure.
     *
     * @throws LlmException {@code failure}, when the extractive summary may not stand in
     */
    CallOutcome standIn(CleanedArticle article, SummaryOptions options, LlmException failure) {
        if (!applies(options, failure)) {
            throw failure;
        }
        Log.debugf("summary: LLM unavailable (%s), answering with the extractive summary", failure.kind());
        return summarize(article, options, failure);
    }

    /** The extractive summary standing in for the LLM's, with the reason as a warning. */
    CallOutcome summarize(CleanedArticle article, SummaryOptions options, LlmException why) {
        ExtractiveSummary summary = summarizer.summarize(article.text(), options.lengthOrDefault());
        String text = options.format() == SummaryFormat.BULLETS
                ? summary.sentences().stream().map(s -> "- " + s.text()).collect(Collectors.joining("\n"))
                : summary.text();
        registry.counter("khulasa.extractive.fallbacks", "reason", why.kind().code()).increment();
        String warning = "extractive-fallback: the language model was unavailable (" + why.kind().code()
                + "), so this summary is the article's " + summary.sentences().size()
                + " most central sentences, verbatim, not an LLM summary";
        return new CallOutcome(Task.SUMMARIZE, text, null, null, null, java.util.List.of(),
                java.util.List.of(warning), false, CallOutcome.Engine.EXTRACTIVE);
    }
}
