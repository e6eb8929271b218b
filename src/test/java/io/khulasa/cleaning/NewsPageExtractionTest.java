package io.khulasa.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Main-content extraction on whole Arabic news pages (src/test/resources/pages), scored like the article-extraction
 * benchmarks: bag-of-tokens F1 over title and text against the hand-checked article. Every page must reach 0.8 and
 * lose no paragraph (a paragraph of 10 or more tokens with under 80 % of them kept); the mean must stay within 0.01
 * of the committed mean (pages/baseline.json). {@code bench/extraction.sh} prints the same scores beside Mozilla
 * Readability's.
 */
class NewsPageExtractionTest {

    private static final ArticleCleaner CLEANER = new ArticleCleaner();
    private static final List<NewsPages.Page> PAGES = NewsPages.all();

    static List<NewsPages.Page> pages() {
        return PAGES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyPageScoresAtLeast08AndLosesNoParagraph(NewsPages.Page page) {
        NewsPages.Result r = NewsPages.khulasa(CLEANER, page);
        assertThat(r.score().f1()).as("%s: F1 (P %.3f, R %.3f)", page.name(), r.score().precision(),
                r.score().recall()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.lostParagraphs()).as("%s: paragraphs lost", page.name()).isEmpty();
    }

    @Test
    void meanF1StaysAtTheCommittedMean() throws IOException {
        JsonNode baseline = new ObjectMapper().readTree(NewsPages.read("baseline.json")).get("meanF1");
        for (String kind : new String[] {"all", "real", "templated"}) {
            List<NewsPages.Page> subset = PAGES.stream().filter(p -> kind.equals("all") || kind.equals(p.kind()))
                    .toList();
            if (subset.isEmpty()) {
                continue;
            }
            double mean = subset.stream().mapToDouble(p -> NewsPages.khulasa(CLEANER, p).score().f1()).average()
                    .orElseThrow();
            assertThat(baseline.has(kind)).as("pages/baseline.json has a committed mean for %s pages", kind).isTrue();
            assertThat(mean).as("mean F1 of %s pages", kind).isGreaterThanOrEqualTo(baseline.get(kind).asDouble() - 0.01);
        }
    }

    @Test
    void atLeast25PagesEachWithSourceAndLicence() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(NewsPages.read("manifest.json"));
        assertThat(manifest.get("pages")).hasSizeGreaterThanOrEqualTo(25);
        for (JsonNode p : manifest.get("pages")) {
            assertThat(p.get("kind").asText()).isIn("real", "templated");
            assertThat(p.get("text").asText()).as("source of %s", p.get("name")).isNotBlank();
            assertThat(p.get("licence").asText()).as("licence of %s", p.get("name")).isNotBlank();
        }
    }

    @Test
    void titleIsTheHeadlineAndNeverTheSiteName() {
        for (NewsPages.Page page : PAGES) {
            CleanedArticle out = CLEANER.clean(new ArticleInput(null, page.html(), null));
            assertThat(out.title()).as(page.name()).isEqualTo(page.expectedTitle());
            if (out.report().siteName() != null) {
                assertThat(out.title()).as(page.name()).isNotEqualTo(out.report().siteName());
            }
        }
    }
}
