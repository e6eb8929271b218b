package io.khulasa.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.khulasa.attribution.ArticleIndex;
import io.khulasa.cleaning.ArticleCleaner;
import io.khulasa.cleaning.ArticleInput;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.tasks.CallExecutor;

/**
 * {@link ArticleTraces#requestIndex}: a request reads its article index early, beside the model call, only while
 * fewer requests do so than there are early slots; the others read it on first use, so that requests waiting on the
 * model do not each hold an index. Either way it is read once.
 */
class RequestIndexTest {

    static final String TEXT = """
            أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس في العاصمة.
            وقال وزير الصحة خالد العبدالله إن المستشفيات مستعدة لاستقبال المرضى.""";

    // only its threads are used here: early reads run on them
    final ArticleTraces traces = new ArticleTraces(new CallExecutor(null, null, null), 1, 2);
    final CleanedArticle article = new ArticleCleaner().clean(new ArticleInput(TEXT, null, null));

    @Test
    void earlyWhileASlotIsFreeOnFirstUseOtherwise() {
        try (ArticleTraces.RequestIndex first = traces.requestIndex(article)) {
            assertThat(first.early()).isTrue();
            try (ArticleTraces.RequestIndex second = traces.requestIndex(article)) {
                assertThat(second.early()).as("the one slot is taken").isFalse();
                assertThat(second.get().sentenceCount()).isEqualTo(2);
            }
            assertThat(first.get().sentenceCount()).isEqualTo(2);
        }
        try (ArticleTraces.RequestIndex third = traces.requestIndex(article)) {
            assertThat(third.early()).as("the slot came back when the first request was answered").isTrue();
        }
    }

    @Test
    void readOnceAndTheSlotFreedOnce() {
        ArticleTraces.RequestIndex index = traces.requestIndex(article);
        ArticleIndex read = index.get();
        assertThat(index.get()).isSameAs(read);
        index.close();
        index.close(); // a second close must not free a slot someone else holds
        try (ArticleTraces.RequestIndex a = traces.requestIndex(article);
                ArticleTraces.RequestIndex b = traces.requestIndex(article)) {
            assertThat(a.early()).isTrue();
            assertThat(b.early()).as("one slot only, however often a request closed").isFalse();
        }
    }

    @Test
    void aStreamReadsItOnFirstUseAndHoldsNoSlot() {
        ArticleTraces.RequestIndex streamed = traces.indexOnFirstUse(article);
        assertThat(streamed.early()).isFalse();
        try (ArticleTraces.RequestIndex other = traces.requestIndex(article)) {
            assertThat(other.early()).isTrue();
        }
        assertThat(streamed.get().sentenceCount()).isEqualTo(2);
    }

    /**
     * The non-blocking path reads its index on its own loop while the model writes: bounded by its own count (memory),
     * not by the cores, so 32 requests waiting on the model do not read theirs after the answer.
     */
    @Test
    void whileWaitingHasItsOwnSlots() {
        try (ArticleTraces.RequestIndex beside = traces.requestIndex(article);
                ArticleTraces.RequestIndex a = traces.requestIndexWhileWaiting(article);
                ArticleTraces.RequestIndex b = traces.requestIndexWhileWaiting(article)) {
            assertThat(beside.early()).isTrue();
            assertThat(a.early()).as("the core slot being taken does not matter here").isTrue();
            assertThat(b.early()).isTrue();
            try (ArticleTraces.RequestIndex c = traces.requestIndexWhileWaiting(article)) {
                assertThat(c.early()).as("both slots taken: read on first use").isFalse();
                assertThat(c.get().sentenceCount()).isEqualTo(2);
            }
        }
        try (ArticleTraces.RequestIndex again = traces.requestIndexWhileWaiting(article)) {
            assertThat(again.early()).as("the slots came back").isTrue();
        }
        assertThat(ArticleTraces.INDEXES_WHILE_WAITING).as("well above one per core, bounded for memory").isBetween(32, 128);
    }
}
