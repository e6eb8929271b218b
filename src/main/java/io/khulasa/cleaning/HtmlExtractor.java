package io.khulasa.cleaning;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns a published page into article lines, its headline and its site name.
 * <ol>
 * <li>{@link PageParser}: one streaming parse; scripts, styles, embeds and hidden elements are dropped as they
 * complete (hidden elements with text are counted as {@code hidden-element}, never listed).</li>
 * <li>{@link TextStats} and {@link MainContent}: the article container, from text and link density and the page's own
 * markup.</li>
 * <li>{@link PageTitle}: the headline ({@code <h1>} checked against JSON-LD/og:title) and the site name.</li>
 * <li>Pruning, in document order: every visible block outside the container is reported (as {@code navigation},
 * {@code sidebar}, {@code page-footer}, … or {@code outside-article}); inside it, page furniture is removed block by
 * block: structure ({@code nav}, {@code aside}, roles), class/id words ({@link BlockHints}), lists of links, related
 * and most-read blocks after their heading, tags, comments, pagers, datelines, bylines, copyright lines, and picture
 * credits ({@link PageFurniture}). Each removed block is one {@code removedLines} entry.</li>
 * <li>Every heading, paragraph, list item and {@code <br>} becomes a line.</li>
 * </ol>
 * Linear in the page: every element is visited a fixed number of times, and the text of a block is only read when the
 * block is short or removed (and then at most {@value #REPORTED_CHARS} characters of it).
 */
final class HtmlExtractor {

    /** Extracted lines ({@code \n} separated, not yet cleaned), the raw headline and the site name (both nullable). */
    record Extracted(String text, String title, String siteName) {
    }

    /** Longest {@code line} of a removed block in the report (longer texts are cut and end with «…»). */
    static final int REPORTED_CHARS = Thresholds.DEFAULT.blocks().reportedChars();
    private static final Thresholds.Blocks B = Thresholds.DEFAULT.blocks();
    /** A block is read as a whole (dateline? byline? marker?) only when it has at most this many characters. */
    private static final int SHORT_BLOCK_CHARS = B.shortBlockChars();
    /** A picture caption is at most this long (a longer block with a caption class holds more than a caption). */
    private static final int CAPTION_CHARS = B.captionChars();
    /** A teaser card (linked headline, summary, time) is at most this long. */
    private static final int TEASER_CHARS = B.teaserChars();
    /** Above the headline, a block of at most this many words is a label (kicker, section, verdict). */
    private static final int KICKER_WORDS = B.kickerWords();

    static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption",
            "table", "tbody", "thead", "tr", "td", "th", "pre", "br", "hr", "dd", "dt", "dl", "address", "center",
            "body", "form", "menu", "details", "summary", "caption");
    private static final Set<String> LISTS = Set.of("ul", "ol", "dl");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Blocks whose children are running text, never a line of separate items. */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "td", "th", "dd", "dt", "pre", "figcaption", "caption", "a");

    Extracted extract(String html, CleaningLog log) {
        PageParser.Page page = PageParser.parse(html);
        log.fire(RuleNames.HIDDEN_ELEMENT, page.hiddenWithText());
        Element body = page.doc().body();
        TextStats stats = TextStats.of(body);
        List<Element> roots = MainContent.roots(body, stats, PageTitle.headlineTest(page.meta()));
        PageTitle.Result headline = PageTitle.of(body, roots, page.meta(), stats.get(body).headlines > 0);
        Set<Element> removed = new Pruning(roots, stats, headline, log).run(body);
        String text = lines(roots, removed);
        String declared = page.meta().ldArticleBody;
        if (declared != null && visibleChars(declared) >= B.declaredBodyChars()
                && visibleChars(text) * B.declaredBodyRatio() < visibleChars(declared)) {
            // A page that renders its story with scripts: the DOM holds a teaser, the JSON-LD the article.
            if (!text.isBlank()) {
                log.removed(RuleNames.OUTSIDE_ARTICLE, cut(text.strip().replaceAll("\\s+", " ")));
            }
            text = declared.indexOf('<') >= 0 ? lines(List.of(Jsoup.parseBodyFragment(declared).body()), Set.of()) : declared;
        }
        return new Extracted(text, headline.title(), headline.siteName());
    }

    /** Removes and reports page furniture; reports what lies outside the article container. */
    private static final class Pruning implements NodeFilter {
        private final Set<Element> roots = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Element> path = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<Element, Boolean> hasBlockChild = new IdentityHashMap<>();
        private final Map<Element, Boolean> itemParents = new IdentityHashMap<>();
        private final Set<Element> removed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final TextStats stats;
        private final CleaningLog log;
        private final String headline;
        private final String siteName;
        private boolean headlineSeen;
        /** Whether the current container holds an {@code <h1>} and whether the walk has reached it. */
        private boolean rootHasH1;
        private boolean h1Reached;
        private Element root;
        private Element markerParent;
        private String markerRule;

        Pruning(List<Element> roots, TextStats stats, PageTitle.Result headline, CleaningLog log) {
            this.headline = headline.title();
            this.siteName = headline.siteName();
            this.roots.addAll(roots);
            for (Element r : roots) {
                for (Element p = r.parent(); p != null && path.add(p); p = p.parent()) {
                    // every ancestor of a container, once
                }
            }
            this.stats = stats;
            this.log = log;
        }

        /** Walks the page; returns the elements removed from the article (left in the tree, skipped by lines). */
        Set<Element> run(Element body) {
            NodeTraversor.filter(this, body);
            return removed;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                if (root == null && node instanceof TextNode t && !t.isBlank()) {
                    report(t.text(), RuleNames.OUTSIDE_ARTICLE);
                }
                return FilterResult.CONTINUE;
            }
            if (removed.contains(e)) {
                return FilterResult.SKIP_ENTIRELY; // a figure credit marked while its figure was read
            }
            if (root == null) {
                if (roots.contains(e)) {
                    root = e;
                    rootHasH1 = stats.get(e).headlines > 0;
                    h1Reached = false;
                    return FilterResult.CONTINUE;
                }
                if (path.contains(e)) {
                    return FilterResult.CONTINUE;
                }
                report(e, outsideRule(e));
                return FilterResult.SKIP_ENTIRELY;
            }
            if (e.normalName().equals("h1")) {
                h1Reached = true;
            }
            String rule = insideRule(e);
            if (rule != null) {
                report(e, rule);
                removed.add(e); // marked, not detached: detaching many siblings one by one is quadratic in jsoup
                return FilterResult.SKIP_ENTIRELY;
            }
            if (e.normalName().equals("figure")) {
                pruneFigure(e);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node == root) {
                root = null;
                markerParent = null;
            } else if (node == markerParent) {
                markerParent = null;
            }
            return FilterResult.CONTINUE;
        }

        /** What a block outside the article container is. */
        private String outsideRule(Element e) {
            String rule = BlockHints.structural(e);
            if (rule == null && e.normalName().equals("header")) {
                rule = RuleNames.NAVIGATION;
            }
            if (rule == null) {
                rule = BlockHints.hint(e);
            }
            if (rule == null && isLinkDense(e)) {
                rule = linksRule(e);
            }
            return rule != null ? rule : RuleNames.OUTSIDE_ARTICLE;
        }

        /** The rule that removes a block inside the article container, or null to keep it. */
        private String insideRule(Element e) {
            TextStats.Counts c = stats.get(e);
            if (c.chars == 0) {
                return null;
            }
            for (InsideRule r : INSIDE_RULES) {
                String rule = r.apply(this, e, c);
                if (rule == KEEP) {
                    return null;
                }
                if (rule != null) {
                    return rule;
                }
            }
            return null;
        }

        /** What a block rule returns to keep a block and ask no further rule (null asks the next one). */
        private static final String KEEP = new String("keep");

        /** The block rules inside the article container, in the order they are asked. */
        private static final InsideRule[] INSIDE_RULES = InsideRule.values();

        /**
         * The rules for a block inside the article container, asked in this order: the first that names a rule
         * removes the block, {@link #KEEP} keeps it; a rule may update the walk's state (the related-links section a
         * marker opened, the headline seen once).
         */
        private enum InsideRule {
            /** «خاص», «تحليل», «الحكم: مضلل»: a label above the headline, never the story's text. */
            KICKER {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    String tag = e.normalName();
                    return p.rootHasH1 && !p.h1Reached && c.headlines == 0 && c.words <= KICKER_WORDS
                            && !tag.equals("p") && !HEADINGS.contains(tag) && p.isStandalone(e) && !p.endsSentence(e)
                            ? RuleNames.NAVIGATION : null;
                }
            },
            /** After «التعليقات» everything in the section is the comment section; after «اقرأ أيضاً» links only. */
            AFTER_MARKER {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    if (e.parent() != p.markerParent) {
                        return null;
                    }
                    if (p.markerRule.equals(RuleNames.COMMENTS) || p.isLinkish(e)) {
                        return p.markerRule;
                    }
                    p.markerParent = null; // the section's links have ended
                    return null;
                }
            },
            /** The headline repeated as a heading (the title, not a body line), once; the masthead «<h1>site</h1>». */
            HEADLINE_OR_MASTHEAD {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    if (!HEADINGS.contains(e.normalName()) || c.chars > SHORT_BLOCK_CHARS) {
                        return null;
                    }
                    String key = PageFurniture.key(p.visibleText(e));
                    if (!p.headlineSeen && p.headline != null
                            && BoilerplateLines.sameTitle(key, PageFurniture.key(p.headline))) {
                        p.headlineSeen = true;
                        return RuleNames.DUPLICATE_TITLE;
                    }
                    return p.siteName != null && key.equals(PageFurniture.key(p.siteName)) ? RuleNames.NAVIGATION
                            : null;
                }
            },
            /** {@code <nav>}, {@code <aside>}, {@code role="complementary"}…, unless the block holds the article. */
            STRUCTURAL {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    String rule = BlockHints.structural(e);
                    return rule == null ? null : p.holdsArticle(e) ? KEEP : rule;
                }
            },
            /** A picture caption describes the picture, not the story. */
            CAPTION {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    return (e.normalName().equals("figcaption") || BlockHints.namesCaption(e))
                            && c.chars <= CAPTION_CHARS && c.headlines == 0 && !p.holdsArticle(e)
                            ? RuleNames.IMAGE_CAPTION : null;
                }
            },
            /** What the class, id or naming attribute says («share-bar», «related-posts»). */
            CLASS_HINT {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    String rule = BlockHints.hint(e);
                    return rule != null && !p.holdsArticle(e) && c.headlines == 0
                            && (c.chars <= SHORT_BLOCK_CHARS || !isTextRule(rule)) ? rule : null;
                }
            },
            /** A list whose items are mostly links. */
            LIST_OF_LINKS {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    return LISTS.contains(e.normalName()) && p.isListOfLinks(e) ? p.linksRule(e) : null;
                }
            },
            /** «<div><span>أبوظبي - سكاي نيوز عربية</span> <span>نشر في: 13-05-2024</span></div>»: a short item. */
            SHORT_ITEM {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    return c.chars <= SHORT_BLOCK_CHARS && p.isItem(e) ? PageFurniture.rule(p.visibleText(e)) : null;
                }
            },
            /**
             * A short standalone block read as text: a marker (which opens a section of links), a marker with its
             * links, a dateline, byline, credit, copyright, policy or disclaimer, a pager.
             */
            SHORT_TEXT {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    if (c.chars > SHORT_BLOCK_CHARS || !p.isStandalone(e) || !p.mayBeFurniture(e, c)) {
                        return null;
                    }
                    String key = PageFurniture.key(p.visibleText(e));
                    PageFurniture.Marker marker = PageFurniture.markerOfKey(key);
                    if (marker != null) {
                        p.markerParent = e.parent();
                        p.markerRule = marker.rule;
                        return marker.rule;
                    }
                    marker = PageFurniture.leadingMarker(key, c.chars, c.linkChars);
                    if (marker != null) {
                        return marker.rule; // «الوسوم غزة مصر»: the marker and its links in one block
                    }
                    String rule = HEADINGS.contains(e.normalName()) ? null : PageFurniture.ruleOfKey(key);
                    if (rule != null) {
                        return rule;
                    }
                    return c.linkChars > 0 && PageFurniture.startsWithPagerKey(key) ? RuleNames.PAGER : null;
                }
            },
            /** A menu, a list of headlines, a tag cloud, or one short link. */
            LINK_DENSE {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    return (BLOCKS.contains(e.normalName()) || p.isStandalone(e))
                            && (p.isLinkDense(e) || p.isOnlyALink(e)) ? p.linksRule(e) : null;
                }
            },
            /** A teaser of another story: a linked heading and its summary. */
            TEASER_CARD {
                @Override
                String apply(Pruning p, Element e, TextStats.Counts c) {
                    return p.isTeaserCard(e, c) ? RuleNames.LINK_LIST : null;
                }
            };

            /** The rule code that removes the block, {@link #KEEP}, or null to ask the next rule. */
            abstract String apply(Pruning p, Element e, TextStats.Counts c);
        }

        /**
         * A teaser of another story: a short block that opens with a heading that is wholly a link to another page
         * («<div><h3><a href="/n/1">عنوان</a></h3><p>ملخص الخبر…</p></div>»). A story's own sub-headings are not links
         * (a table of contents links within the page, {@code href="#…"}).
         */
        private boolean isTeaserCard(Element e, TextStats.Counts c) {
            String tag = e.normalName();
            if (c.chars > TEASER_CHARS || c.headlines > 0 || c.linkChars == 0 || c.linkChars == c.chars
                    || !(tag.equals("div") || tag.equals("article") || tag.equals("li") || tag.equals("section"))) {
                return false;
            }
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    if (!t.isBlank()) {
                        return false;
                    }
                } else if (child instanceof Element first && stats.get(first).chars > 0) {
                    Element heading = first;
                    if (first.normalName().equals("a") && first.childrenSize() == 1) {
                        heading = first.child(0); // «<a href><h3>عنوان</h3></a>»
                    }
                    if (!HEADINGS.contains(heading.normalName())) {
                        return false;
                    }
                    TextStats.Counts h = stats.get(heading);
                    Element link = heading == first ? heading.selectFirst("a[href]") : first;
                    return (h.linkChars == h.chars || heading != first) && link != null
                            && !link.attr("href").startsWith("#") && h.chars < c.chars;
                }
            }
            return false;
        }

        private boolean endsSentence(Element e) {
            String t = visibleText(e).strip();
            return t.isEmpty() || ".؟?!".indexOf(t.charAt(t.length() - 1)) >= 0;
        }

        /**
         * Whether a standalone block is worth reading whole: short ones always; longer ones (a paragraph) only when
         * they start like a marker, a comment policy or a copyright line (read from their first characters only).
         */
        private boolean mayBeFurniture(Element e, TextStats.Counts c) {
            return c.words <= B.longBlockWords()
                    || PageFurniture.mayStartFurniture(PageFurniture.key(textWithout(e, removed, B.longBlockHeadChars())));
        }

        /** A short block's text without what was already removed from it (a credit inside a caption). */
        private String visibleText(Element e) {
            return textWithout(e, removed, SHORT_BLOCK_CHARS * 2);
        }

        /** Rules that judge a block by its (short) text: a long block with such a class word is not furniture. */
        private static boolean isTextRule(String rule) {
            return rule.equals(RuleNames.DATELINE) || rule.equals(RuleNames.BYLINE)
                    || rule.equals(RuleNames.IMAGE_CREDIT) || rule.equals(RuleNames.COPYRIGHT);
        }

        /** «<div class="post-body has-sidebar">»: a class word on the wrapper of most of the article is not junk. */
        private boolean holdsArticle(Element e) {
            int text = stats.get(e).nonLinkChars();
            return text >= B.holdsArticleChars() && text * B.holdsArticleFactor() >= stats.get(root).nonLinkChars();
        }

        /** A block, or an inline element that stands among blocks (a «<span>كتب …</span>» before the paragraphs). */
        private boolean isStandalone(Element e) {
            if (hasBlockChild(e)) {
                return false;
            }
            if (BLOCKS.contains(e.normalName())) {
                return true;
            }
            Element parent = e.parent();
            return parent != null && (parent == root || hasBlockChild(parent));
        }

        /**
         * An inline element that is one of several items of a block made only of elements (a meta line of spans):
         * judged on its own text. Links are never items (a sentence may be split into spans and links).
         */
        private boolean isItem(Element e) {
            if (BLOCKS.contains(e.normalName()) || e.normalName().equals("a")) {
                return false;
            }
            Element parent = e.parent();
            if (parent == null || TEXT_BLOCKS.contains(parent.normalName()) || hasBlockChild(parent)
                    || stats.get(parent).ownChars > 0) {
                return false; // a paragraph made of spans is text, not a line of items
            }
            // decided once per parent, before any of its items is removed
            return itemParents.computeIfAbsent(parent, p -> {
                int items = 0;
                for (Element sibling : p.children()) {
                    if (stats.get(sibling).chars > 0 && ++items > 1) {
                        return true;
                    }
                }
                return false;
            });
        }

        private boolean hasBlockChild(Element e) {
            Boolean known = hasBlockChild.get(e);
            if (known == null) {
                known = false;
                for (Element child : e.children()) {
                    if (BLOCKS.contains(child.normalName()) && !child.normalName().equals("br")) {
                        known = true;
                        break;
                    }
                }
                hasBlockChild.put(e, known);
            }
            return known;
        }

        /** Mostly link text: a menu, a list of headlines, a tag cloud. A long paragraph with links is not. */
        private boolean isLinkDense(Element e) {
            TextStats.Counts c = stats.get(e);
            if (c.chars < B.linkDenseMinChars() || c.linkDensity() < B.linkDensity()
                    || c.nonLinkChars() >= B.linkDenseMaxText()) {
                return false;
            }
            return !(e.normalName().equals("p") && c.words >= B.paragraphWords());
        }

        /** A block that is one short link and nothing else: a section kicker, «طباعة», an author's page. */
        private boolean isOnlyALink(Element e) {
            TextStats.Counts c = stats.get(e);
            return c.linkChars == c.chars && c.words <= B.onlyALinkWords() && !HEADINGS.contains(e.normalName());
        }

        /** After a «اقرأ أيضاً» heading: a headline link, a card, a list of links. */
        private boolean isLinkish(Element e) {
            TextStats.Counts c = stats.get(e);
            return c.linkChars > 0 && (c.linkDensity() >= B.linkishDensity() || c.words <= B.linkishWords());
        }

        private boolean isListOfLinks(Element list) {
            int items = 0;
            int links = 0;
            for (Element item : list.children()) {
                TextStats.Counts c = stats.get(item);
                if (c.chars == 0) {
                    continue;
                }
                items++;
                if (c.linkDensity() >= B.linkDensity()) {
                    links++;
                }
            }
            return items >= B.linkListMinItems() && links * 10 >= items * B.linkListLinkedTenths()
                    && stats.get(list).nonLinkChars() < B.linkListMaxText();
        }

        /**
         * The rule for a block of links, by what it starts with: «اقرأ أيضاً:» / «قصص مقترحة» (related-link),
         * «الوسوم» (tags), «الرئيسية» (breadcrumb), a copyright line (copyright), else link-list.
         */
        private String linksRule(Element e) {
            String start = PageFurniture.key(firstChars(e, B.furnitureHeadChars()));
            if (start.startsWith("الرئيسيه") || start.startsWith("home")) {
                return RuleNames.BREADCRUMB;
            }
            String lead = leadingText(e);
            if (lead != null) {
                String key = PageFurniture.key(lead);
                PageFurniture.Marker marker = PageFurniture.markerOfKey(key);
                if (marker != null) {
                    return marker.rule;
                }
                if (RuleNames.COPYRIGHT.equals(PageFurniture.ruleOfKey(key))) {
                    return RuleNames.COPYRIGHT;
                }
            }
            PageFurniture.Marker marker = PageFurniture.markerOfKey(start);
            return marker != null ? marker.rule : RuleNames.LINK_LIST;
        }

        /** The text of a block's first part: its first child element with text, or its own leading text. */
        private String leadingText(Element e) {
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t && !t.isBlank()) {
                    return t.text();
                }
                if (child instanceof Element c && stats.get(c).chars > 0) {
                    String text = firstChars(c, B.figureTextChars() + 1);
                    return text.length() > B.figureTextChars() ? null : text;
                }
            }
            return null;
        }

        /**
         * Text in a figure is not article text: the caption ({@code image-caption}, with its credit), and credits
         * and labels outside the {@code <figcaption>} («صدر الصورة، Getty Images», {@code image-credit}).
         */
        private void pruneFigure(Element figure) {
            boolean captioned = stats.get(figure).captions > 0;
            for (Element child : figure.children()) {
                pruneFigurePart(child, captioned);
            }
        }

        private void pruneFigurePart(Element e, boolean captioned) {
            TextStats.Counts c = stats.get(e);
            if (c.chars == 0) {
                return;
            }
            String tag = e.normalName();
            if (tag.equals("figcaption")) {
                String rest = textWithout(e, removed, CAPTION_CHARS + 1);
                if (rest.isBlank()) {
                    return;
                }
                // a caption with its credit is one block; a credit alone is a credit
                boolean credit = rest.length() < SHORT_BLOCK_CHARS && PageFurniture.isCredit(rest);
                if (credit || rest.length() <= CAPTION_CHARS) {
                    report(rest, credit ? RuleNames.IMAGE_CREDIT : RuleNames.IMAGE_CAPTION);
                    removed.add(e);
                }
                return;
            }
            if (captioned) {
                if (c.captions == 0) {
                    report(e, RuleNames.IMAGE_CREDIT);
                    removed.add(e);
                } else {
                    for (Element child : e.children()) {
                        pruneFigurePart(child, true);
                    }
                }
            } else if (isCredit(e)) {
                report(e, RuleNames.IMAGE_CREDIT);
                removed.add(e);
            }
        }

        private boolean isCredit(Element e) {
            String hint = BlockHints.hint(e);
            if (RuleNames.IMAGE_CREDIT.equals(hint) || RuleNames.COPYRIGHT.equals(hint)) {
                return true;
            }
            return stats.get(e).chars <= B.creditChars() && PageFurniture.isCredit(visibleText(e));
        }

        private void report(Element e, String rule) {
            String text = firstChars(e, REPORTED_CHARS + 1);
            report(text, rule);
        }

        private void report(String text, String rule) {
            String t = text.strip();
            if (!t.isEmpty()) {
                log.removed(rule, cut(t));
            }
        }
    }

    /** The first {@code max} characters of an element's text, spaces collapsed, without reading the rest. */
    static String firstChars(Element e, int max) {
        return textWithout(e, Set.of(), max);
    }

    /** Like {@link #firstChars}, leaving out the subtrees in {@code skipped}. */
    static String textWithout(Element e, Set<Element> skipped, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el && skipped.contains(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    appendCollapsed(sb, t.getWholeText(), max);
                } else if (node instanceof Element el && (BLOCKS.contains(el.normalName())
                        || el.normalName().equals("a")) && !sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                    // a block or a link starts a new item of the reported text
                    sb.append(' ');
                }
                return sb.length() >= max ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        return sb.toString();
    }

    private static void appendCollapsed(StringBuilder sb, String s, int max) {
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else {
                sb.append(c);
            }
        }
    }

    /** A reported line: at most {@value #REPORTED_CHARS} characters, «…» when cut. */
    static String cut(String text) {
        if (text.length() <= REPORTED_CHARS) {
            return text;
        }
        int end = REPORTED_CHARS - 1;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static int visibleChars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Block elements become line breaks; line breaks inside text nodes are just spaces in HTML. */
    static String lines(List<Element> roots, Set<Element> removed) {
        StringBuilder sb = new StringBuilder();
        NodeFilter visitor = new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                } else if (node instanceof Element e) {
                    if (removed.contains(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(e.normalName())) {
                        sb.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    sb.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        };
        for (Element root : roots) {
            NodeTraversor.filter(visitor, root);
            sb.append('\n');
        }
        return sb.toString();
    }
}
