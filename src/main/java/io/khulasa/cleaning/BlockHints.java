package io.khulasa.cleaning;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a block's class, id or role says it is: {@code class="share-buttons"} is a share bar, {@code id="comments"} a
 * comment section. Attribute values are split into words on {@code - _}, spaces and lower→upper camelCase boundaries,
 * and each word is looked up whole («adSlot» → ad, «readmore» → readmore; «header» is not «ad»).
 */
final class BlockHints {

    /** Class/id words → the rule that removes such a block. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("share", RuleNames.HTML_BOILERPLATE), Map.entry("sharing", RuleNames.HTML_BOILERPLATE),
            Map.entry("sharer", RuleNames.HTML_BOILERPLATE), Map.entry("social", RuleNames.HTML_BOILERPLATE),
            Map.entry("ad", RuleNames.HTML_BOILERPLATE), Map.entry("ads", RuleNames.HTML_BOILERPLATE),
            Map.entry("adv", RuleNames.HTML_BOILERPLATE), Map.entry("advert", RuleNames.HTML_BOILERPLATE),
            Map.entry("adverts", RuleNames.HTML_BOILERPLATE), Map.entry("advertisement", RuleNames.HTML_BOILERPLATE),
            Map.entry("advertising", RuleNames.HTML_BOILERPLATE), Map.entry("banner", RuleNames.HTML_BOILERPLATE),
            Map.entry("sponsor", RuleNames.HTML_BOILERPLATE), Map.entry("sponsored", RuleNames.HTML_BOILERPLATE),
            Map.entry("promo", RuleNames.HTML_BOILERPLATE), Map.entry("newsletter", RuleNames.HTML_BOILERPLATE),
            Map.entry("subscribe", RuleNames.HTML_BOILERPLATE), Map.entry("subscription", RuleNames.HTML_BOILERPLATE),
            Map.entry("popup", RuleNames.HTML_BOILERPLATE), Map.entry("modal", RuleNames.HTML_BOILERPLATE),
            Map.entry("cookie", RuleNames.HTML_BOILERPLATE), Map.entry("cookies", RuleNames.HTML_BOILERPLATE),
            Map.entry("outbrain", RuleNames.HTML_BOILERPLATE), Map.entry("taboola", RuleNames.HTML_BOILERPLATE),
            Map.entry("dfp", RuleNames.HTML_BOILERPLATE), Map.entry("gpt", RuleNames.HTML_BOILERPLATE),
            Map.entry("print", RuleNames.HTML_BOILERPLATE), Map.entry("toolbar", RuleNames.HTML_BOILERPLATE),
            Map.entry("tools", RuleNames.HTML_BOILERPLATE), Map.entry("meta", RuleNames.HTML_BOILERPLATE),
            Map.entry("related", RuleNames.RELATED_LINK), Map.entry("recommended", RuleNames.RELATED_LINK),
            Map.entry("recommendations", RuleNames.RELATED_LINK), Map.entry("readmore", RuleNames.RELATED_LINK),
            Map.entry("suggested", RuleNames.RELATED_LINK), Map.entry("also", RuleNames.RELATED_LINK),
            Map.entry("author", RuleNames.BYLINE), Map.entry("authors", RuleNames.BYLINE),
            Map.entry("byline", RuleNames.BYLINE), Map.entry("writer", RuleNames.BYLINE),
            Map.entry("comment", RuleNames.COMMENTS), Map.entry("comments", RuleNames.COMMENTS),
            Map.entry("disqus", RuleNames.COMMENTS),
            Map.entry("breadcrumb", RuleNames.BREADCRUMB), Map.entry("breadcrumbs", RuleNames.BREADCRUMB),
            Map.entry("tags", RuleNames.TAGS), Map.entry("tag", RuleNames.TAGS), Map.entry("keywords", RuleNames.TAGS),
            Map.entry("date", RuleNames.DATELINE), Map.entry("time", RuleNames.DATELINE),
            Map.entry("timestamp", RuleNames.DATELINE), Map.entry("dateline", RuleNames.DATELINE),
            Map.entry("published", RuleNames.DATELINE),
            Map.entry("credit", RuleNames.IMAGE_CREDIT), Map.entry("credits", RuleNames.IMAGE_CREDIT),
            Map.entry("photographer", RuleNames.IMAGE_CREDIT), Map.entry("copyright", RuleNames.COPYRIGHT),
            Map.entry("sidebar", RuleNames.SIDEBAR), Map.entry("widget", RuleNames.SIDEBAR),
            Map.entry("widgets", RuleNames.SIDEBAR),
            Map.entry("nav", RuleNames.NAVIGATION), Map.entry("navbar", RuleNames.NAVIGATION),
            Map.entry("navigation", RuleNames.NAVIGATION), Map.entry("menu", RuleNames.NAVIGATION),
            Map.entry("masthead", RuleNames.NAVIGATION), Map.entry("kicker", RuleNames.NAVIGATION),
            Map.entry("eyebrow", RuleNames.NAVIGATION),
            Map.entry("footer", RuleNames.PAGE_FOOTER),
            Map.entry("trending", RuleNames.LINK_LIST), Map.entry("popular", RuleNames.LINK_LIST),
            Map.entry("mostread", RuleNames.LINK_LIST), Map.entry("most", RuleNames.LINK_LIST),
            Map.entry("pagination", RuleNames.PAGER), Map.entry("pager", RuleNames.PAGER),
            // embedded social posts: «<blockquote class="twitter-tweet">», «instagram-media», «tiktok-embed»
            Map.entry("tweet", RuleNames.EMBEDDED_POST), Map.entry("instagram", RuleNames.EMBEDDED_POST),
            Map.entry("tiktok", RuleNames.EMBEDDED_POST),
            // a pull quote repeats a sentence of the story in large type
            Map.entry("pullquote", RuleNames.HTML_BOILERPLATE),
            // a video player's title and duration; a gallery's or slideshow's picture captions
            Map.entry("player", RuleNames.HTML_BOILERPLATE), Map.entry("gallery", RuleNames.IMAGE_CAPTION),
            Map.entry("slideshow", RuleNames.IMAGE_CAPTION), Map.entry("carousel", RuleNames.IMAGE_CAPTION),
            Map.entry("slider", RuleNames.IMAGE_CAPTION));

    private static final Set<String> PAIR_FIRST_WORDS = Set.of("read", "see", "more", "fb", "pull");

    /** Two class words that name a block together, within one class name («read-more», «readAlso», «fb-post»). */
    private static final Map<String, String> PAIRS = Map.of("read more", RuleNames.RELATED_LINK,
            "read also", RuleNames.RELATED_LINK, "see also", RuleNames.RELATED_LINK, "more stories",
            RuleNames.RELATED_LINK, "more news", RuleNames.RELATED_LINK, "more articles", RuleNames.RELATED_LINK,
            "fb post", RuleNames.EMBEDDED_POST, "fb video", RuleNames.EMBEDDED_POST, "pull quote",
            RuleNames.HTML_BOILERPLATE);

    /** ARIA landmark roles that are never the article. */
    private static final Map<String, String> ROLES = Map.of("navigation", RuleNames.NAVIGATION, "banner",
            RuleNames.NAVIGATION, "menu", RuleNames.NAVIGATION, "menubar", RuleNames.NAVIGATION, "search",
            RuleNames.NAVIGATION, "complementary", RuleNames.SIDEBAR, "contentinfo", RuleNames.PAGE_FOOTER, "dialog",
            RuleNames.HTML_BOILERPLATE, "alert", RuleNames.HTML_BOILERPLATE, "form", RuleNames.HTML_BOILERPLATE);

    /** Elements that are page furniture whatever their class says. */
    private static final Map<String, String> TAGS = Map.of("nav", RuleNames.NAVIGATION, "menu", RuleNames.NAVIGATION,
            "aside", RuleNames.SIDEBAR, "footer", RuleNames.PAGE_FOOTER, "form", RuleNames.HTML_BOILERPLATE,
            "dialog", RuleNames.HTML_BOILERPLATE);

    private BlockHints() {
    }

    /** The rule the element's tag or ARIA role names, or null. */
    static String structural(org.jsoup.nodes.Element e) {
        String rule = TAGS.get(e.normalName());
        if (rule != null) {
            return rule;
        }
        String role = e.attr("role");
        return role.isEmpty() ? null : ROLES.get(role.toLowerCase(Locale.ROOT));
    }

    /** The rule a class or id value names, or null. */
    static String hint(String attr) {
        if (attr.isEmpty()) {
            return null;
        }
        // Split on - _ space and lower→upper camelCase boundaries, without a regex (runs for every element).
        int start = 0;
        int n = attr.length();
        String previous = null;
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n || attr.charAt(i) == '-' || attr.charAt(i) == '_'
                    || Character.isWhitespace(attr.charAt(i));
            boolean camel = i > start && i < n && Character.isUpperCase(attr.charAt(i))
                    && Character.isLowerCase(attr.charAt(i - 1));
            if (boundary || camel) {
                if (i > start) {
                    String word = attr.substring(start, i).toLowerCase(Locale.ROOT);
                    String rule = WORDS.get(word);
                    if (rule != null) {
                        return rule;
                    }
                    if (previous != null) {
                        rule = PAIRS.get(previous + ' ' + word);
                        if (rule != null) {
                            return rule;
                        }
                    }
                    previous = PAIR_FIRST_WORDS.contains(word) ? word : null;
                }
                start = boundary ? i + 1 : i;
                if (boundary && i < n && Character.isWhitespace(attr.charAt(i))) {
                    previous = null; // «read more» spans one class name, never two
                }
            }
        }
        return null;
    }

    /**
     * Whether the element's class names a picture caption: «wp-caption-text», «img-caption», «image_caption»,
     * «captionText» (a plain substring test: caption class names are glued to other words in every style).
     */
    static boolean namesCaption(org.jsoup.nodes.Element e) {
        String c = e.className();
        return c.length() >= 7 && (c.contains("caption") || c.contains("Caption"));
    }

    /** Attributes whose words say what a block is, besides class and id. */
    private static final String[] NAMING_ATTRIBUTES = {"aria-labelledby", "itemprop", "data-component",
            "data-testid", "data-e2e"};

    /**
     * The rule the element's class, id, {@code aria-labelledby}, {@code itemprop} or {@code data-component} /
     * {@code data-testid} names, or null (CSS-in-JS sites have hashed class names; their blocks are named there).
     */
    static String hint(org.jsoup.nodes.Element e) {
        String rule = hint(e.className());
        if (rule == null) {
            rule = hint(e.id());
        }
        if (rule == null && e.attributesSize() > 0) {
            for (String attr : NAMING_ATTRIBUTES) {
                rule = hint(e.attr(attr));
                if (rule != null) {
                    break;
                }
            }
        }
        return rule;
    }

    /** Whether any word of a class/id value is in {@code words}. */
    static boolean anyWord(String attr, Set<String> words) {
        int start = 0;
        int n = attr.length();
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n || attr.charAt(i) == '-' || attr.charAt(i) == '_'
                    || Character.isWhitespace(attr.charAt(i));
            if (boundary) {
                if (i > start && words.contains(attr.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
