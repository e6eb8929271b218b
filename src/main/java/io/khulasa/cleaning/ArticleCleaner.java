package io.khulasa.cleaning;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The display-safe Arabic article cleaner: one pipeline step between the request and the LLM.
 * <p>
 * Rule families run in a fixed order — HTML extraction, mojibake, Unicode ({@code unicode-nfc},
 * {@code presentation-forms}, {@code format-characters}, {@code space-characters}, {@code persian-letters}),
 * {@code split-word}, {@code tatweel}, whole-line boilerplate, whitespace — and never fold spelling, strip
 * diacritics, convert digits or restyle quotes: the output is text editors may publish.
 * <p>
 * Stateless and thread-safe (all rule objects are immutable, patterns precompiled); {@code new ArticleCleaner()}
 * works in plain unit tests. Article text is never logged above DEBUG, and only counts are logged there.
 */
@ApplicationScoped
@Startup // built at start: the vocabulary files are read and checked then, and a broken one stops start-up
public class ArticleCleaner {

    private static final Logger LOG = Logger.getLogger(ArticleCleaner.class);

    static final int MIN_ARABIC_LETTERS = 20;
    static final double MIN_ARABIC_SHARE = 0.30;

    private final HtmlExtractor html = new HtmlExtractor();
    private final MojibakeRepair mojibake = new MojibakeRepair();
    private final UnicodeNormalizer unicode = new UnicodeNormalizer();
    private final WordRepairs words = new WordRepairs();
    private final WhitespaceLines whitespace = new WhitespaceLines();
    private final BoilerplateLines boilerplate = new BoilerplateLines();

    public ArticleCleaner() {
        // The vocabulary (src/main/resources/cleaning/*.yaml) is read when these classes are first used: touch them
        // all now, so that a broken file fails here, naming itself, and not on the first page that needs it.
        Object[] tables = {PageFurniture.TABLE, BoilerplateLines.TABLE, BlockHints.TABLE};
        LOG.debugf("cleaning vocabulary loaded (%d tables)", tables.length);
    }

    /**
     * Cleans one article, with no limit on the text extracted from a page.
     *
     * @throws ArticleRejectedException {@code no-arabic-text} or {@code mojibake-unrepairable} (422)
     * @throws IllegalArgumentException when not exactly one of {@code text} and {@code html} is given
     */
    public CleanedArticle clean(ArticleInput input) {
        return clean(input, Long.MAX_VALUE);
    }

    /**
     * Cleans one article; the text extracted from an {@code html} page may have at most {@code maxTextBytes} bytes of
     * UTF-8 (the limit a {@code text} article has), checked before the line rules run.
     *
     * @throws ExtractedTextTooLargeException when the page's article text is over {@code maxTextBytes}
     * @throws ArticleRejectedException       {@code no-arabic-text} or {@code mojibake-unrepairable} (422)
     * @throws IllegalArgumentException       when not exactly one of {@code text} and {@code html} is given
     */
    public CleanedArticle clean(ArticleInput input, long maxTextBytes) {
        if (input == null || (input.text() == null) == (input.html() == null)) {
            throw new IllegalArgumentException("exactly one of text or html must be given");
        }
        CleaningLog log = new CleaningLog();
        String raw;
        String pageTitle = null;
        String siteName = null;
        String original;
        if (input.html() != null) {
            original = input.html();
            HtmlExtractor.Extracted extracted = html.extract(original, log);
            raw = extracted.text();
            long bytes = Utf8.lengthIfOver(raw.strip(), maxTextBytes);
            if (bytes > maxTextBytes) {
                throw new ExtractedTextTooLargeException(bytes, maxTextBytes);
            }
            pageTitle = extracted.title();
            siteName = cleanTitle(extracted.siteName());
        } else {
            original = input.text();
            raw = original;
        }

        String given = cleanTitle(input.title());
        String headline = cleanTitle(pageTitle);
        if (headline != null && siteName != null && BoilerplateLines.sameTitle(headline, siteName)) {
            headline = null; // never the bare site name
        }
        String knownTitle = given != null ? given : headline;

        String chars = cleanCharacters(raw, log);
        List<String> lines = whitespace.split(chars, log);
        BoilerplateLines.Result result = boilerplate.apply(lines, knownTitle, log);

        String text = String.join("\n", result.lines());
        String title = knownTitle != null ? knownTitle : result.detectedTitle();
        requireArabicArticle(text);

        CleaningReport report = new CleaningReport(codePoints(original), codePoints(text), log.removedLines,
                log.repairedWords, log.flagged, log.source, siteName, log.rules);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("cleaned article: chars %d -> %d, rules %s", report.charsIn(), report.charsOut(),
                    report.rules());
        }
        return new CleanedArticle(title, text, report);
    }

    /** Character rules in order: mojibake, Unicode, split-word, tatweel. */
    String cleanCharacters(String s, CleaningLog log) {
        String repaired = mojibake.repair(s, log);
        String normalized = unicode.normalize(repaired, log);
        return words.apply(normalized, log);
    }

    /** A title gets the same character rules (reported nowhere: it is not body text) and one line. */
    private String cleanTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        CleaningLog scratch = new CleaningLog();
        String chars = cleanCharacters(title, scratch);
        String joined = String.join(" ", whitespace.split(chars, scratch));
        return joined.isEmpty() ? null : joined;
    }

    private static void requireArabicArticle(String text) {
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (ArabicChars.isLetter(c)) { // most characters: one table look-up
                letters++;
                arabic++;
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) && cp != ArabicChars.TATWEEL) {
                letters++;
                if (cp <= 0xFFFF && ArabicChars.isLetter((char) cp)) {
                    arabic++;
                }
            }
            i += Character.charCount(cp);
        }
        if (arabic < MIN_ARABIC_LETTERS || arabic < MIN_ARABIC_SHARE * letters) {
            throw new ArticleRejectedException(ArticleRejectedException.NO_ARABIC_TEXT,
                    "After cleaning, the body has " + arabic + " Arabic letters out of " + letters
                            + "; an Arabic article needs at least " + MIN_ARABIC_LETTERS
                            + " and at least 30% of all letters.");
        }
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
