package io.khulasa.cleaning;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a page says about itself in its head: {@code <title>}, Open Graph / Twitter titles, the site name, and the
 * schema.org article in JSON-LD ({@code headline}, {@code articleBody}, {@code publisher.name}). Filled while the page
 * is parsed; every value is null until seen. Mutable, one per page.
 */
final class PageMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON-LD blocks over this size are skipped (they are data dumps, not an article's metadata). */
    private static final int MAX_JSON_LD_CHARS = 1_000_000;
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "blogposting", "liveblogposting", "backgroundnewsarticle", "opinionnewsarticle",
            "reviewnewsarticle", "socialmediaposting", "webpage");

    String documentTitle;
    String ogTitle;
    String twitterTitle;
    String siteName;
    String applicationName;
    String ldHeadline;
    String ldArticleBody;
    String ldPublisher;
    private int ldRank = Integer.MAX_VALUE;

    void readTitle(String text) {
        if (documentTitle == null && !text.isBlank()) {
            documentTitle = text.strip();
        }
    }

    void readMeta(Element meta) {
        String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
        String content = meta.attr("content").strip();
        if (content.isEmpty()) {
            return;
        }
        switch (key.toLowerCase(Locale.ROOT)) {
            case "og:title" -> ogTitle = ogTitle == null ? content : ogTitle;
            case "twitter:title" -> twitterTitle = twitterTitle == null ? content : twitterTitle;
            case "og:site_name" -> siteName = siteName == null ? content : siteName;
            case "application-name" -> applicationName = applicationName == null ? content : applicationName;
            default -> {
                // other metas carry nothing the extractor uses
            }
        }
    }

    /** Reads one {@code application/ld+json} block; malformed JSON is ignored (pages ship broken JSON-LD often). */
    void readJsonLd(String json) {
        if (json.length() > MAX_JSON_LD_CHARS || json.isBlank()) {
            return;
        }
        try {
            visit(JSON.readTree(json.strip()), 0);
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON, or not the shape we expect: the page's structure still decides
        }
    }

    private void visit(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                visit(item, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("@graph")) {
            visit(node.get("@graph"), depth + 1);
        }
        int rank = typeRank(node.get("@type"));
        if (rank < 0) {
            return;
        }
        // The most specific article type wins (a NewsArticle over the WebPage that wraps it).
        String body = text(node.get("articleBody"));
        String headline = text(node.get("headline"));
        if (rank < ldRank && (body != null || headline != null)) {
            ldRank = rank;
            ldHeadline = headline != null ? headline : ldHeadline;
            ldArticleBody = body != null ? body : ldArticleBody;
        }
        JsonNode publisher = node.get("publisher");
        if (ldPublisher == null && publisher != null) {
            ldPublisher = text(publisher.isArray() && !publisher.isEmpty() ? publisher.get(0).get("name")
                    : publisher.get("name"));
        }
    }

    /** 0 for the news article types, larger for more general ones, -1 for anything that is not an article. */
    private static int typeRank(JsonNode type) {
        if (type == null) {
            return -1;
        }
        if (type.isArray()) {
            int best = -1;
            for (JsonNode t : type) {
                int r = typeRank(t);
                if (r >= 0 && (best < 0 || r < best)) {
                    best = r;
                }
            }
            return best;
        }
        String t = type.asText().toLowerCase(Locale.ROOT);
        if (!ARTICLE_TYPES.contains(t)) {
            return -1;
        }
        return t.equals("webpage") ? 2 : t.equals("article") || t.equals("blogposting") ? 1 : 0;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String s = node.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The site's name as the page gives it: og:site_name, application-name, then the JSON-LD publisher. */
    String declaredSiteName() {
        if (siteName != null) {
            return siteName;
        }
        return applicationName != null ? applicationName : ldPublisher;
    }
}
