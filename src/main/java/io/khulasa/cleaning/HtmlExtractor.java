package io.khulasa.cleaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a scraped page into article lines with jsoup: drops scripts, navigation, asides, forms and blocks whose
 * class/id/role say share, related, author, ad, …; picks the article container; makes every heading and
 * paragraph a line; finds the title in {@code <h1>}, {@code og:title} or {@code <title>} (site suffix removed).
 */
final class HtmlExtractor {

    /** Extracted lines ({@code \n} separated, not yet cleaned) and the raw title, or null. */
    record Extracted(String text, String title) {
    }

    /** Removed silently: never article text. */
    private static final String INVISIBLE = "script,style,noscript,template,svg,canvas,iframe,object,embed,"
            + "link,meta,button,select,input,textarea,[hidden],[aria-hidden=true]";
    /** Removed and reported: page furniture with visible text. */
    private static final String FURNITURE = "nav,aside,form,footer,menu,dialog";
    private static final Set<String> ROLES = Set.of("navigation", "complementary", "banner", "contentinfo",
            "search", "menu", "menubar", "dialog", "alert", "form");
    /** Words in class/id naming non-article blocks; matched per word (split on - _ and camelCase). */
    private static final Set<String> HINTS = Set.of("share", "sharing", "sharer", "social", "related", "author",
            "authors", "byline", "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "banner",
            "sponsor", "sponsored", "promo", "newsletter", "subscribe", "subscription", "comment", "comments",
            "breadcrumb", "breadcrumbs", "tags", "sidebar", "widget", "widgets", "navbar", "nav", "menu", "popup",
            "modal", "cookie", "cookies", "recommended", "recommendations", "outbrain", "taboola", "dfp", "gpt",
            "readmore", "trending", "popular", "mostread", "footer");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "blockquote", "section", "article", "header", "main", "figure", "figcaption", "table", "tr",
            "td", "th", "pre", "br", "hr", "dd", "dt", "dl", "address", "center", "body");
    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[-–—|]{1,2}\\s+(?<site>[^-–—|]{1,40})$");

    Extracted extract(String html, CleaningLog log) {
        Document doc = Jsoup.parse(html);
        // h1 text is read before junk removal, but never from a <script> or <template>.
        String title = firstText(doc, "article h1");
        if (title == null) {
            title = firstText(doc, "h1");
        }
        if (title == null) {
            Element og = doc.selectFirst("meta[property=og:title], meta[name=og:title], meta[name=twitter:title]");
            title = og == null ? null : stripSiteSuffix(og.attr("content"));
        }
        if (title == null || title.isBlank()) {
            title = doc.title().isBlank() ? null : stripSiteSuffix(doc.title());
        }

        doc.select(INVISIBLE).remove(); // after the title: og:title lives in a <meta>

        Element root = doc.selectFirst("[itemprop=articleBody]");
        if (root == null) {
            root = doc.selectFirst("article");
        }
        if (root == null) {
            root = doc.selectFirst("main, [role=main]");
        }
        if (root == null) {
            root = doc.body();
        }

        for (Element e : root.select(FURNITURE)) {
            if (e.parent() != null) {
                report(e, log);
                e.remove();
            }
        }
        // A filter, not getAllElements(): once a block is junk its subtree is never visited (nested ad wrappers
        // stay linear).
        List<Element> junk = new ArrayList<>();
        int rootText = root.text().length();
        Element articleRoot = root;
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != articleRoot && isJunk(e) && !holdsTheArticle(e, rootText)) {
                    junk.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        for (Element e : junk) {
            report(e, log);
            e.remove();
        }
        return new Extracted(lines(root), title);
    }

    private static String firstText(Document doc, String css) {
        Element e = doc.selectFirst(css);
        if (e == null) {
            return null;
        }
        String t = e.text().strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean isJunk(Element e) {
        String tag = e.normalName();
        if (tag.equals("h1") || tag.equals("p") && e.className().isEmpty() && e.id().isEmpty()) {
            return false;
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (!role.isEmpty() && ROLES.contains(role)) {
            return true;
        }
        if (!hinted(e.className()) && !hinted(e.id())) {
            return false;
        }
        // Never drop the block that holds the headline or the article itself ("post has-share-bar").
        return e.selectFirst("h1, article, [itemprop=articleBody]") == null;
    }

    /** «<div class="post-body has-sidebar">»: a hint word on the wrapper of most of the text is not junk. */
    private static boolean holdsTheArticle(Element e, int rootText) {
        return e.select("p").size() >= 3 && e.text().length() * 2 > rootText;
    }

    private static boolean hinted(String attr) {
        if (attr.isEmpty()) {
            return false;
        }
        // Split on - _ space and lower→upper camelCase boundaries, without a regex (runs for every element).
        int start = 0;
        int n = attr.length();
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n || attr.charAt(i) == '-' || attr.charAt(i) == '_'
                    || Character.isWhitespace(attr.charAt(i));
            boolean camel = i > start && i < n && Character.isUpperCase(attr.charAt(i))
                    && Character.isLowerCase(attr.charAt(i - 1));
            if (boundary || camel) {
                if (i > start && HINTS.contains(attr.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = boundary ? i + 1 : i;
            }
        }
        return false;
    }

    private static void report(Element e, CleaningLog log) {
        String text = e.text().strip();
        if (text.isEmpty()) {
            log.fire(RuleNames.HTML_BOILERPLATE);
        } else {
            log.removed(RuleNames.HTML_BOILERPLATE, text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** Block elements become line breaks; line breaks inside text nodes are just spaces in HTML. */
    private static String lines(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
            }
        }, root);
        return sb.toString();
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
}
