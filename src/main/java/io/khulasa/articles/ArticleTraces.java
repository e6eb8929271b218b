package io.khulasa.articles;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.khulasa.attribution.ArticleIndex;
import io.khulasa.attribution.ArticleParagraphs;
import io.khulasa.attribution.Attribution;
import io.khulasa.attribution.SummaryAttribution;
import io.khulasa.attribution.TranslationAlignment;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.cleaning.CleaningReport;
import io.khulasa.guards.OutputRejectedException;
import io.khulasa.tasks.CallExecutor;
import io.khulasa.tasks.SupportCheck;
import io.khulasa.tasks.Task;

/**
 * Traceability of answers (issue 21): every summary sentence with the spans of the cleaned article that support it,
 * every translation paragraph with the article paragraphs it translates. On the CPU, no LLM call; the article is
 * indexed once per request and shared by the parts of a digest and by strict mode.
 */
@ApplicationScoped
public class ArticleTraces {

    /** Thread-safe, one per service. */
    private final Attribution attribution = new Attribution();
    private final CallExecutor executor;
    /**
     * Non-blocking requests holding their index while the model writes ({@link #requestIndexWhileWaiting}): read on
     * the request's own loop, so no thread or core is taken from anyone, and bounded for memory only: 64 indexes of a
     * 5 KB article are about 8 MiB. Fewer (one per core, as {@link #early}) left all but two of 32 requests waiting on
     * the model to read theirs after the answer came, in their latency (issue 20, phase 16).
     */
    static final int INDEXES_WHILE_WAITING = 64;

    /** Requests reading their index early, beside the model call: at most one per core. */
    private final Semaphore early;
    private final Semaphore whileWaiting;

    @Inject
    public ArticleTraces(CallExecutor executor) {
        this(executor, Runtime.getRuntime().availableProcessors(), INDEXES_WHILE_WAITING);
    }

    ArticleTraces(CallExecutor executor, int earlySlots, int whileWaitingSlots) {
        this.executor = executor;
        this.early = new Semaphore(earlySlots);
        this.whileWaiting = new Semaphore(whileWaitingSlots);
    }

    /**
     * A summary's sentences and the warning about unsupported ones.
     *
     * @param sentences   one per sentence, in order
     * @param warnings    empty, or one {@code unsupported-sentence: …}
     * @param attribution what the engine found, for strict mode
     */
    record Sentences(List<SummarySentence> sentences, List<String> warnings, SummaryAttribution attribution) {
    }

    /**
     * A translation's paragraphs and the alignment's warnings.
     *
     * @param paragraphs one per paragraph of the translation, in order
     * @param warnings   {@code paragraph-number-mismatch: …}, {@code untranslated-paragraph: …}
     */
    record Paragraphs(List<TranslationParagraph> paragraphs, List<String> warnings) {
    }

    /** The cleaned article (its title as evidence, never as a span), indexed once for the request. */
    ArticleIndex index(CleanedArticle article) {
        return attribution.index(article.title(), article.text());
    }

    /**
     * The request's index of the article, read once: at once on a thread of its own, beside the model call, while
     * fewer requests are doing so than the machine has cores (it then costs the request no latency); otherwise on
     * first use, once the answer is there, so that a thousand requests waiting on the model do not each hold an
     * index (about 130 KiB for a 5 KB article) for the whole wait. Close it once the request is answered.
     */
    RequestIndex requestIndex(CleanedArticle article) {
        return early.tryAcquire() ? new RequestIndex(executor.beside(() -> index(article)), early)
                : new RequestIndex(() -> index(article), null);
    }

    /**
     * The non-blocking path's index of the article: read by the request's own thread (its event loop) right after the
     * model call went out, while the model writes and the loop would only wait for the answer, when fewer requests
     * hold one so than {@link #INDEXES_WHILE_WAITING} allows ({@link RequestIndex#early}: the caller then reads it with
     * {@link RequestIndex#get}); otherwise on first use, once the answer is there. Read on another thread instead, the
     * index could be done after the answer, and handing the request back to its loop cost a wake-up.
     */
    RequestIndex requestIndexWhileWaiting(CleanedArticle article) {
        return new RequestIndex(() -> index(article), whileWaiting.tryAcquire() ? whileWaiting : null);
    }

    /** The request's index of the article, read on first use (a stream needs it only once the answer is complete). */
    RequestIndex indexOnFirstUse(CleanedArticle article) {
        return new RequestIndex(() -> index(article), null);
    }

    /** One request's article index: {@link #get} reads (or waits for) it; {@link #close} frees its early slot. */
    static final class RequestIndex implements Supplier<ArticleIndex>, AutoCloseable {

        private final Supplier<ArticleIndex> read;
        private final AtomicReference<Semaphore> slot;
        private volatile ArticleIndex index;

        RequestIndex(Supplier<ArticleIndex> read, Semaphore slot) {
            this.read = read;
            this.slot = new AtomicReference<>(slot);
        }

        @Override
        public ArticleIndex get() {
            ArticleIndex i = index;
            if (i == null) {
                i = read.get(); // two threads asking at once read it twice at worst (the guard and the answer do not)
                index = i;
            }
            return i;
        }

        /** Whether it holds an early slot: read beside the model call, or while waiting for it. */
        boolean early() {
            return slot.get() != null;
        }

        @Override
        public void close() {
            Semaphore s = slot.getAndSet(null);
            if (s != null) {
                s.release();
            }
        }
    }

    /** What strict mode holds a summary answer to. */
    SupportCheck support(Supplier<ArticleIndex> index) {
        return new SupportCheck(attribution, index);
    }

    Sentences sentences(ArticleIndex index, String summary) {
        SummaryAttribution found = attribution.summary(index, summary);
        return new Sentences(found.sentences().stream().map(SummarySentence::of).toList(), found.warnings(), found);
    }

    /**
     * The sentences of a summary that strict mode must hold to. The guard already held every LLM answer to it; this
     * catches what passed no guard (the extractive stand-in), so that an unsupported sentence never passes silently.
     *
     * @throws OutputRejectedException {@code output-unsupported} when {@code strict} and a sentence is unsupported
     */
    Sentences sentences(ArticleIndex index, String summary, boolean strict, int llmCalls) {
        Sentences found = sentences(index, summary);
        List<Integer> unsupported = found.attribution().unsupportedIndexes();
        if (strict && !unsupported.isEmpty()) {
            int first = unsupported.get(0);
            throw new OutputRejectedException(SupportCheck.CODE, Task.SUMMARIZE.id(),
                    "The summary failed the " + SupportCheck.CODE + " check ("
                            + SupportCheck.detail(found.attribution(), unsupported) + ")",
                    llmCalls, null, Map.of("sentence", found.sentences().get(first).text(), "sentenceIndex", first));
        }
        return found;
    }

    /** The cleaned article's paragraphs: what a translation alone is aligned to (no sentence index). */
    ArticleParagraphs paragraphs(CleanedArticle article) {
        return attribution.paragraphs(article.text());
    }

    Paragraphs paragraphs(ArticleParagraphs article, String translation) {
        TranslationAlignment aligned = attribution.translation(article, translation);
        return new Paragraphs(aligned.paragraphs().stream().map(TranslationParagraph::of).toList(), aligned.warnings());
    }

    /** The cleaning report, with the cleaned text when the request asks for it. */
    static CleaningReport cleaning(CleanedArticle article, ArticleFields request) {
        return Boolean.TRUE.equals(request.includeCleanedText()) ? article.report().withText(article.text())
                : article.report();
    }
}
