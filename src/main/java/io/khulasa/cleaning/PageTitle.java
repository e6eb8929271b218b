package io.khulasa.cleaning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The headline and the site name of a page.
 * <p>
 * Headline: the visible {@code <h1>} of the article (inside the article container or an {@code <article>}/{@code
 * <main>}, never one in a header, menu or footer, where sites put their logo), checked against what the page declares
 * ({@code og:title}, {@code twitter:title}, JSON-LD {@code headline}, {@code <title>} without the site suffix): an
 * {@code <h1>} that shares little with them yields to them. Never the bare site name: a candidate equal to the site
 * name is skipped.
 * <p>
 * Site name: {@code og:site_name}, {@code application-name}, the JSON-LD publisher, else the suffix of
 * {@code <title>} («… - الجزيرة نت») when {@code og:title} confirms the headline part.
 */
final class PageTitle {

    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[-–—|]{1,2}\\s+(?<site>[^-–—|]{1,40})$");
    private static final Pattern SITE_PREFIX = Pattern.compile("^(?<site>[^-–—|]{1,40})\\s+[-–—|]{1,2}\\s+");
    private static final int MAX_HEADLINES = 20;
    /** An <h1> longer than this is not a headline (an unclosed <h1> swallowing the page). */
    private static final int MAX_HEADLINE_WORDS = 30;
    private static final Set<String> FURNITURE = Set.of("header", "nav", "footer", "aside", "menu");

    record Result(String title, String siteName) {
    }

    private PageTitle() {
    }

    static Result of(Element body, List<Element> roots, PageMetadata meta, boolean hasHeadlines) {
        String site = siteName(meta);
        Set<String> siteKeys = new HashSet<>();
        if (site != null) {
            siteKeys.add(PageFurniture.key(site));
        }
        String declared = firstNonBlank(strip(meta.ogTitle, site), strip(meta.twitterTitle, site), meta.ldHeadline);
        // «الموقع - العنوان»: only when nothing else names the headline is the page searched for the visible part
        String fromTitleTag = declared == null ? visiblePart(meta.documentTitle, body) : null;
        if (fromTitleTag == null) {
            fromTitleTag = strip(meta.documentTitle, site);
        }
        String h1 = hasHeadlines ? headline(body, roots, siteKeys) : null;
        boolean inArticle = roots.size() != 1 || roots.get(0) != body; // the body as container says nothing
        String title;
        // With no declared title, a visible h1 beats a <title> that shares nothing with it, unless the h1 is a word or
        // two and the <title> is longer (then the h1 is more likely the site's name).
        boolean h1OverTitleTag = declared == null && h1 != null && (fromTitleTag == null
                || !BoilerplateLines.wordsAtMost(h1, 2) || BoilerplateLines.wordsAtMost(fromTitleTag, 2));
        if (h1 != null && (h1OverTitleTag || similar(h1, declared) || similar(h1, fromTitleTag)
                || inArticle && insideRoots(roots, h1))) {
            title = h1;
        } else if (declared != null && !siteKeys.contains(PageFurniture.key(declared))) {
            title = declared;
        } else if (fromTitleTag != null && !siteKeys.contains(PageFurniture.key(fromTitleTag))) {
            title = fromTitleTag;
        } else {
            title = h1;
        }
        return new Result(title, site);
    }

    /**
     * Whether a heading's text is the story's headline as far as the page's metadata tells (similar to og:title,
     * twitter:title, the JSON-LD headline or the {@code <title>}), and is not the site's name. With no metadata at
     * all, any heading but the site name may be.
     */
    static Predicate<String> headlineTest(PageMetadata meta) {
        String site = siteName(meta);
        String siteKey = site == null ? null : PageFurniture.key(site);
        String[] declared = {meta.ogTitle, meta.twitterTitle, meta.ldHeadline, meta.documentTitle};
        boolean any = false;
        for (String d : declared) {
            any |= d != null;
        }
        boolean anyDeclared = any;
        return text -> {
            if (siteKey != null && PageFurniture.key(text).equals(siteKey)) {
                return false;
            }
            if (!anyDeclared) {
                return true;
            }
            for (String d : declared) {
                if (d != null && similar(text, strip(d, site))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The site name the page declares, else the part of {@code <title>} after the headline. */
    static String siteName(PageMetadata meta) {
        String declared = meta.declaredSiteName();
        if (declared != null) {
            return declared;
        }
        String t = meta.documentTitle;
        if (t == null) {
            return null;
        }
        var m = SITE_SUFFIX.matcher(t.strip());
        if (m.find() && m.start() > 0) {
            String head = t.strip().substring(0, m.start()).strip();
            String og = meta.ogTitle != null ? meta.ogTitle : meta.ldHeadline;
            // «headline - site»: the site part is short, and og:title (when there is one) is the headline part
            if (BoilerplateLines.wordsAtMost(m.group("site").strip(), 4)
                    && (og == null || PageFurniture.key(og).startsWith(PageFurniture.key(head)))) {
                return m.group("site").strip();
            }
        }
        return null;
    }

    /** The first visible h1 inside the article container, else in article/main, else outside page furniture. */
    private static String headline(Element body, List<Element> roots, Set<String> siteKeys) {
        String inArticle = null;
        String elsewhere = null;
        int seen = 0;
        for (Element h1 : body.getElementsByTag("h1")) {
            if (++seen > MAX_HEADLINES) {
                break; // a page of hundreds of h1 has no headline to find
            }
            String text = h1.text().strip();
            if (text.isEmpty() || !BoilerplateLines.wordsAtMost(text, MAX_HEADLINE_WORDS) || hasParagraph(h1)
                    || siteKeys.contains(PageFurniture.key(text)) || inFurniture(h1, body) || isLogo(h1, text)) {
                continue; // empty, a whole page in an unclosed <h1>, the site's name or its logo
            }
            for (Element root : roots) {
                if (MainContent.isAncestor(root, h1)) {
                    return text;
                }
            }
            if (inArticle == null && hasAncestor(h1, body, "article", "main")) {
                inArticle = text;
            } else if (elsewhere == null) {
                elsewhere = text;
            }
        }
        return inArticle != null ? inArticle : elsewhere;
    }

    private static boolean insideRoots(List<Element> roots, String h1) {
        for (Element root : roots) {
            for (Element e : root.getElementsByTag("h1")) {
                if (e.text().strip().equals(h1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasParagraph(Element h1) {
        for (Element child : h1.children()) {
            String tag = child.normalName();
            if (tag.equals("p") || tag.equals("div") || tag.equals("ul") || tag.equals("table")) {
                return true;
            }
        }
        return false;
    }

    /** «<h1><a href="/">CNN</a></h1>»: a one- or two-word link to the home page is the logo, not a headline. */
    private static boolean isLogo(Element h1, String text) {
        if (!BoilerplateLines.wordsAtMost(text, 2)) {
            return false;
        }
        for (Element link : h1.getElementsByTag("a")) {
            String href = link.attr("href").strip();
            if (href.equals("/") || href.isEmpty() || href.matches("(?i)https?://[^/]+/?")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inFurniture(Element e, Element body) {
        for (Element p = e.parent(); p != null && p != body; p = p.parent()) {
            if (FURNITURE.contains(p.normalName()) || p.normalName().equals("a")) {
                return true;
            }
            String role = p.attr("role");
            if (role.equals("banner") || role.equals("navigation")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAncestor(Element e, Element body, String a, String b) {
        for (Element p = e.parent(); p != null && p != body; p = p.parent()) {
            if (p.normalName().equals(a) || p.normalName().equals(b) || p.attr("role").equals("main")) {
                return true;
            }
        }
        return false;
    }

    /** Half or more of the shorter title's words appear in the other. */
    static boolean similar(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return false;
        }
        Set<String> small = wa.size() <= wb.size() ? wa : wb;
        Set<String> large = small == wa ? wb : wa;
        int shared = 0;
        for (String w : small) {
            if (large.contains(w)) {
                shared++;
            }
        }
        return shared * 2 >= small.size();
    }

    private static Set<String> words(String s) {
        Set<String> words = new HashSet<>();
        for (String w : NOT_WORD.split(PageFurniture.key(s))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * «اسم الموقع - العنوان» / «العنوان | القسم | الموقع»: the part of {@code <title>} (of three words or more) that the
     * page also shows as a block of its own, or null.
     */
    private static String visiblePart(String title, Element body) {
        if (title == null || !SEPARATOR.matcher(title).find()) {
            return null;
        }
        String best = null;
        for (String part : SEPARATOR.split(title)) {
            String p = part.strip();
            if (!BoilerplateLines.wordsAtMost(p, 2) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        if (best == null) {
            return null;
        }
        String key = PageFurniture.key(best);
        int min = best.length() / 2;
        boolean[] found = {false};
        int[] seen = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (++seen[0] > MAX_TITLE_SCAN) {
                        return FilterResult.STOP;
                    }
                    String own = e.ownText();
                    if (own.length() >= min && PageFurniture.key(own).equals(key)) {
                        found[0] = true;
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return found[0] ? best : null;
    }

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—|]{1,2}\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** The headline is near the top of a page; the rest is not searched for it. */
    private static final int MAX_TITLE_SCAN = 5000;

    /** «العنوان - اسم الموقع» → «العنوان»; with a known site name also «اسم الموقع | العنوان». */
    static String strip(String title, String site) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        if (site != null) {
            String siteKey = PageFurniture.key(site);
            var suffix = SITE_SUFFIX.matcher(t);
            if (suffix.find() && suffix.start() > 0 && PageFurniture.key(suffix.group("site")).equals(siteKey)) {
                return t.substring(0, suffix.start()).strip();
            }
            var prefix = SITE_PREFIX.matcher(t);
            if (prefix.find() && PageFurniture.key(prefix.group("site")).equals(siteKey) && prefix.end() < t.length()) {
                return t.substring(prefix.end()).strip();
            }
        }
        return stripSiteSuffix(t);
    }

    /** «العنوان - اسم الموقع» → «العنوان» (the part after the last separator, if short, is the site). */
    static String stripSiteSuffix(String title) {
        String t = title.strip();
        var m = SITE_SUFFIX.matcher(t);
        if (m.find() && m.start() > 0) {
            String head = t.substring(0, m.start()).strip();
            String site = m.group("site").strip();
            if (BoilerplateLines.wordsAtMost(site, 4) && !BoilerplateLines.wordsAtMost(head, 1)) {
                return head;
            }
        }
        return t;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
