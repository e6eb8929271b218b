package io.khulasa.cleaning;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Parses a page once, with jsoup's {@link StreamParser}: every element is seen as soon as it is complete, and what can
 * never be article text (scripts, styles, embeds, form controls, hidden elements) is read for metadata and dropped
 * right away. The tree that is left holds only visible page text, so a 5 MiB page of scripts and inline styles never
 * becomes a 5 MiB tree.
 * <p>
 * Read on the way: {@code <title>}, {@code og:*}/{@code twitter:*}/{@code application-name} metas, JSON-LD
 * ({@link PageMetadata}), and the class names that page styles make visually hidden (CSS-in-JS sites hide screen-reader
 * labels such as «التعليق على الصورة،» this way, not with a semantic class).
 */
final class PageParser {

    /** The visible tree, what was read from the page's metadata, and how many hidden elements held text. */
    record Page(Document doc, PageMetadata meta, int hiddenWithText) {
    }

    /** Never article text; removed silently (not listed in the report). */
    private static final Set<String> INVISIBLE = Set.of("style", "noscript", "template", "svg", "math", "canvas",
            "iframe", "object", "embed", "link", "button", "select", "option", "optgroup", "datalist", "input",
            "textarea", "audio", "video", "source", "track", "img", "picture", "map", "area", "head", "base");
    /**
     * Class names that mean "for screen readers only" (and Bootstrap 3's permanent {@code hidden}) on most sites and
     * frameworks. Classes that scripts toggle («hide», «d-none», «collapse») are not here: a story's remainder behind
     * «اقرأ المزيد» is still the story.
     */
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "visually-hidden", "visuallyhidden", "sr-only",
            "sr-only-focusable", "screen-reader-text", "screen-reader-only", "screenreader", "offscreen",
            "element-invisible");

    private PageParser() {
    }

    static Page parse(String html) {
        PageMetadata meta = new PageMetadata();
        Set<String> cssHidden = new HashSet<>();
        int hiddenWithText = 0;
        StreamParser streamer = new StreamParser(Parser.htmlParser());
        try (streamer) {
            streamer.parse(new StringReader(html), "");
            for (Iterator<Element> it = streamer.iterator(); it.hasNext(); ) {
                Element e = it.next();
                if (e.parent() == null) {
                    continue; // the document's root element, emitted last
                }
                String tag = e.normalName();
                switch (tag) {
                    case "script" -> {
                        if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                            meta.readJsonLd(e.data());
                        }
                        e.remove();
                    }
                    case "meta" -> {
                        meta.readMeta(e);
                        e.remove();
                    }
                    case "title" -> {
                        if (e.parents().stream().noneMatch(p -> p.normalName().equals("svg"))) {
                            meta.readTitle(e.text());
                        }
                        e.remove();
                    }
                    case "style" -> {
                        CssHiddenClasses.collect(e.data(), cssHidden);
                        e.remove();
                    }
                    default -> {
                        if (INVISIBLE.contains(tag)) {
                            e.remove();
                        } else if (!tag.equals("body") && isHidden(e, cssHidden)) {
                            if (hasText(e)) {
                                hiddenWithText++;
                            }
                            e.remove();
                        } else {
                            dropUnusedAttributes(e);
                        }
                    }
                }
            }
            return new Page(streamer.document(), meta, hiddenWithText);
        }
    }

    /** Attributes the extractor reads; the others (src, srcset, style, data-*, on*) are dropped to keep the tree small. */
    private static final Set<String> USED_ATTRIBUTES = Set.of("class", "id", "role", "itemprop", "href",
            "aria-labelledby", "data-component", "data-testid", "data-e2e");

    private static void dropUnusedAttributes(Element e) {
        if (e.attributesSize() == 0) {
            return;
        }
        var attributes = e.attributes();
        boolean unused = false;
        for (var a : attributes) {
            if (!USED_ATTRIBUTES.contains(a.getKey())) {
                unused = true;
                break;
            }
        }
        if (unused) {
            for (var it = attributes.iterator(); it.hasNext(); ) {
                if (!USED_ATTRIBUTES.contains(it.next().getKey())) {
                    it.remove();
                }
            }
        }
    }

    /** The hidden attribute, aria-hidden, an inline style or a class that hides the element. */
    static boolean isHidden(Element e, Set<String> cssHidden) {
        if (e.hasAttr("hidden") || e.attr("aria-hidden").equalsIgnoreCase("true")) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty() && hidesInline(style)) {
            return true;
        }
        String classes = e.className();
        if (classes.isEmpty()) {
            return false;
        }
        int n = classes.length();
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && !Character.isWhitespace(classes.charAt(end))) {
                end++;
            }
            if (end > start) {
                String c = classes.substring(start, end); // no regex split: this runs for every element
                if (HIDDEN_CLASSES.contains(c.toLowerCase(Locale.ROOT)) || cssHidden.contains(c)) {
                    return true;
                }
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean hidesInline(String style) {
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static boolean hasText(Element e) {
        return !e.text().isBlank();
    }
}
