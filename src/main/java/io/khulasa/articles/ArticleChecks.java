package io.khulasa.articles;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.attribution.ArticleIndex;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.cleaning.Utf8;
import io.khulasa.config.KhulasaConfig;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryMatcher;
import io.khulasa.glossary.GlossaryStore;
import io.khulasa.guards.GuardResult;
import io.khulasa.guards.OutputGuards;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.khulasa.tasks.SupportCheck;

/**
 * {@code POST /v1/checks}: a summary or translation written elsewhere (an editor's rewrite, another tool's output, a
 * wire service's English version), held to the same checks as an LLM answer. No LLM call: the article is cleaned and
 * indexed, the text is traced ({@code sentences}, {@code paragraphs}) and put through every output guard; what fails
 * is a finding, never an error of the request.
 */
@ApplicationScoped
public class ArticleChecks {

    private final ArticleIntake intake;
    private final ArticleTraces traces;
    private final GlossaryStore glossaries;
    private final int maxTextBytes;
    private final OutputGuards guards = new OutputGuards();

    public ArticleChecks(ArticleIntake intake, ArticleTraces traces, GlossaryStore glossaries, KhulasaConfig config) {
        this.intake = intake;
        this.traces = traces;
        this.glossaries = glossaries;
        this.maxTextBytes = config.limits().maxArticleBytes();
    }

    /**
     * Checks the text(s) against the article.
     *
     * @throws ProblemException 400 for a bad article or nothing to check, 413 for a text over the limit, or the
     *                          cleaner's 422
     */
    public CheckResponse check(CheckRequest request) {
        intake.check(request);
        checkOutput("summary", request.summary());
        checkOutput("translation", request.translation());
        if (request.summary() == null && request.translation() == null) {
            throw new ProblemException(ProblemType.MISSING_OUTPUT,
                    "Send the text to check as 'summary' (Arabic) and/or 'translation' (English)");
        }
        CleanedArticle article = intake.accept(request);
        ArticleIndex index = traces.index(article);
        // What an LLM answer is checked against: the article, its title line first (a title may carry a number).
        String source = article.title() == null || article.title().isBlank() ? article.text()
                : article.title() + "\n" + article.text();
        List<Finding> findings = new ArrayList<>();
        List<SummarySentence> sentences = null;
        if (request.summary() != null) {
            ArticleTraces.Sentences traced = traces.sentences(index, request.summary());
            sentences = traced.sentences();
            guardFindings(guards.check(OutputGuards.Task.SUMMARY, source, request.summary(), List.of()).failures(),
                    findings);
            List<Integer> unsupported = traced.attribution().unsupportedIndexes();
            if (!unsupported.isEmpty()) {
                findings.add(new Finding(SupportCheck.CODE, SupportCheck.detail(traced.attribution(), unsupported)));
            }
        }
        List<TranslationParagraph> paragraphs = null;
        if (request.translation() != null) {
            ArticleTraces.Paragraphs aligned = traces.paragraphs(index.paragraphs(), request.translation());
            paragraphs = aligned.paragraphs();
            guardFindings(guards.check(OutputGuards.Task.TRANSLATION, source, request.translation(),
                    expectedNames(source)).failures(), findings);
            for (String warning : aligned.warnings()) {
                int colon = warning.indexOf(": ");
                findings.add(colon < 0 ? new Finding(warning, "")
                        : new Finding(warning.substring(0, colon), warning.substring(colon + 2)));
            }
        }
        return new CheckResponse(sentences, paragraphs, List.copyOf(findings),
                ArticleTraces.cleaning(article, request));
    }

    private void checkOutput(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_FIELD_VALUE, "'" + field + "' is blank");
        }
        long bytes = Utf8.lengthIfOver(value, maxTextBytes);
        if (bytes > maxTextBytes) {
            throw new ProblemException(ProblemType.ARTICLE_TOO_LARGE, "'" + field + "' has " + bytes
                    + " bytes of UTF-8; the limit is " + maxTextBytes + " (the limit of 'text')",
                    java.util.Map.of("limitBytes", maxTextBytes, "articleBytes", bytes));
        }
    }

    /** The house glossary's renderings of what the article names: a translation should use them. */
    private List<String> expectedNames(String source) {
        return GlossaryMatcher.distinctEntries(glossaries.matcher().findMatches(source)).stream()
                .map(GlossaryEntry::english).distinct().toList();
    }

    private static void guardFindings(List<GuardResult> failures, List<Finding> findings) {
        failures.forEach(r -> findings.add(new Finding(r.guard(), r.detail())));
    }
}
