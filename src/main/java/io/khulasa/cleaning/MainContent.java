package io.khulasa.cleaning;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article container of a page: the element (or run of sibling elements) that holds the story's paragraphs.
 * <ol>
 * <li>Paragraph-like blocks are scored by their non-link text and punctuation, and each score is given to a few
 * ancestors (the container of many paragraphs collects most), as Readability does; the best container is scaled by
 * its link density and by class/id words («article-body» up, «sidebar» down).</li>
 * <li>The container grows where the article is split: to the common ancestor of several near-best containers, up the
 * tree while the score still rises, and over sibling blocks that score well on their own.</li>
 * <li>The page's own markup then refines it: a schema.org {@code articleBody} that holds most of that text is the
 * body, and an {@code <article>} around the container that adds little else (headline, lead, figures) is taken whole;
 * the furniture inside it is removed block by block afterwards ({@link HtmlExtractor}).</li>
 * </ol>
 * Every step is linear in the number of elements (scores go to at most five ancestors).
 */
final class MainContent {

    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "blockquote", "td", "dd", "li");
    private static final Set<String> NOT_SCORED = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6", "body", "html",
            "figcaption", "label", "nav", "aside", "footer", "header", "form");
    private static final Set<String> POSITIVE = Set.of("article", "body", "content", "entry", "main", "post", "story",
            "text", "news", "detail", "details", "blog", "hentry", "page", "matn", "nass", "khabar", "single");
    private static final Thresholds.Container C = Thresholds.DEFAULT.container();

    private MainContent() {
    }

    /** The container(s) of the article, in document order; the body when the page has no recognisable article. */
    static List<Element> roots(Element body, TextStats stats, Predicate<String> isHeadline) {
        Map<Element, double[]> scores = score(body, stats);
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, double[]> e : scores.entrySet()) {
            double s = finalScore(e.getKey(), e.getValue()[0], stats);
            if (top == null || s > best) {
                top = e.getKey();
                best = s;
            }
        }
        if (top == null) {
            return List.of(body);
        }
        top = climbToCommonAncestor(top, best, scores, stats, body);
        top = climbWhileScoreRises(top, scores, stats, body);
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        List<Element> roots = withSiblings(top, scores, stats);
        roots = refineByMarkup(roots, body, stats, isHeadline);
        return roots;
    }

    private static Map<Element, double[]> score(Element body, TextStats stats) {
        Map<Element, double[]> scores = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return;
                }
                String tag = e.normalName();
                TextStats.Counts c = stats.get(e);
                int text;
                if (PARAGRAPHS.contains(tag)) {
                    text = c.nonLinkChars();
                } else if (!NOT_SCORED.contains(tag) && c.ownChars >= C.minOwnChars()) {
                    text = c.ownChars; // text straight in a div: «<div>…<br><br>…</div>»
                } else {
                    return;
                }
                if (text < C.minBlockChars() || c.linkDensity() > C.maxLinkDensity()) {
                    return;
                }
                double weight = 1 + c.ownPunctuation + Math.min(text / C.charsPerPoint(), C.maxLengthPoints());
                Element ancestor = e.parent();
                for (int level = 0; level < C.ancestorLevels() && ancestor != null && ancestor != body; level++) {
                    double[] s = scores.get(ancestor);
                    if (s == null) {
                        s = new double[] {initialScore(ancestor)};
                        scores.put(ancestor, s);
                    }
                    s[0] += level == 0 ? weight : level == 1 ? weight / 2 : weight / (level * 3);
                    ancestor = ancestor.parent();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                // scores flow upwards in head
            }
        }, body);
        return scores;
    }

    private static double initialScore(Element e) {
        return switch (e.normalName()) {
            case "article" -> 10;
            case "main", "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    /**
     * Class/id words scale a container's score (±25 % each): «article-body» up; «sidebar», «related», «comments» down.
     * They scale rather than add, so that on a short story a class word does not outweigh the text itself (page
     * builders call the story's container a «widget», and teaser excerpts a «post»).
     */
    static double classFactor(Element e) {
        double f = 1;
        for (String attr : new String[] {e.className(), e.id()}) {
            if (attr.isEmpty()) {
                continue;
            }
            // both count: «elementor-widget-theme-post-content» is neither up nor down
            if (BlockHints.hint(attr) != null) {
                f -= C.classStep();
            }
            if (BlockHints.anyWord(attr, POSITIVE)) {
                f += C.classStep();
            }
        }
        return Math.max(C.minClassFactor(), f);
    }

    private static double finalScore(Element e, double score, TextStats stats) {
        return score * classFactor(e) * (1 - stats.get(e).linkDensity());
    }

    private static double scoreOf(Element e, Map<Element, double[]> scores, TextStats stats) {
        double[] s = scores.get(e);
        return s == null ? 0 : finalScore(e, s[0], stats);
    }

    /** Several containers nearly as good as the best one (a story split into sections): their common ancestor. */
    private static Element climbToCommonAncestor(Element top, double best, Map<Element, double[]> scores,
            TextStats stats, Element body) {
        List<Element> alternatives = new ArrayList<>();
        List<Map.Entry<Element, double[]>> all = new ArrayList<>(scores.entrySet());
        all.sort((a, b) -> Double.compare(finalScore(b.getKey(), b.getValue()[0], stats),
                finalScore(a.getKey(), a.getValue()[0], stats)));
        for (int i = 0; i < Math.min(C.topCandidates(), all.size()); i++) {
            Element candidate = all.get(i).getKey();
            if (candidate != top && finalScore(candidate, all.get(i).getValue()[0], stats) >= C.alternativeShare() * best) {
                alternatives.add(candidate);
            }
        }
        if (alternatives.size() < C.minAlternatives()) {
            return top;
        }
        Element parent = top.parent();
        for (int level = 0; level < C.alternativeLevels() && parent != null && parent != body; level++) {
            int contained = 0;
            for (Element alternative : alternatives) {
                if (isAncestor(parent, alternative)) {
                    contained++;
                }
            }
            if (contained >= C.containedAlternatives()) {
                return parent;
            }
            parent = parent.parent();
        }
        return top;
    }

    /** Parents collect half their children's scores: a parent scoring higher holds more of the article. */
    private static Element climbWhileScoreRises(Element top, Map<Element, double[]> scores, TextStats stats,
            Element body) {
        double last = scoreOf(top, scores, stats);
        double threshold = last / C.parentScoreDivisor();
        Element parent = top.parent();
        while (parent != null && parent != body) {
            if (!scores.containsKey(parent)) {
                parent = parent.parent();
                continue;
            }
            double s = scoreOf(parent, scores, stats);
            if (s < threshold) {
                break;
            }
            if (s > last) {
                return parent;
            }
            last = s;
            parent = parent.parent();
        }
        return top;
    }

    /** The container and the siblings that score well or read like paragraphs, in document order. */
    private static List<Element> withSiblings(Element top, Map<Element, double[]> scores, TextStats stats) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = scoreOf(top, scores, stats);
        double threshold = Math.max(C.minSiblingScore(), topScore * C.siblingShare());
        List<Element> roots = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                roots.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * C.sameClassBonus()
                    : 0;
            if (scoreOf(sibling, scores, stats) + bonus >= threshold) {
                roots.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                TextStats.Counts c = stats.get(sibling);
                double density = c.linkDensity();
                if (c.chars > C.shortSiblingChars() && density < C.siblingLinkDensity()
                        || c.chars > 0 && c.chars <= C.shortSiblingChars() && density == 0
                        && endsSentence(sibling)) {
                    roots.add(sibling);
                }
            }
        }
        return roots;
    }

    private static boolean endsSentence(Element p) {
        String t = p.text().strip();
        return !t.isEmpty() && ".؟!?".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** schema.org articleBody, then an enclosing {@code <article>} that adds little beside the container. */
    private static List<Element> refineByMarkup(List<Element> roots, Element body, TextStats stats,
            Predicate<String> isHeadline) {
        int rootText = 0;
        for (Element r : roots) {
            rootText += stats.get(r).nonLinkChars();
        }
        Element declared = null;
        for (Element e : body.getElementsByAttributeValue("itemprop", "articleBody")) {
            if (declared == null || stats.get(e).nonLinkChars() > stats.get(declared).nonLinkChars()) {
                declared = e;
            }
        }
        if (declared != null && stats.get(declared).nonLinkChars() >= C.declaredShare() * rootText
                && stats.get(declared).nonLinkChars() >= C.declaredChars()) {
            roots = List.of(declared);
            rootText = stats.get(declared).nonLinkChars();
        }
        Element common = commonAncestor(roots);
        for (Element a = common; a != null && a != body; a = a.parent()) {
            if (a.normalName().equals("article") || a.attr("role").equals("article")) {
                if (stats.get(a).nonLinkChars() <= C.widenFactor() * rootText + C.widenSlack()) {
                    return List.of(a);
                }
                break;
            }
        }
        // No <article>: the wrapper a few levels up that adds little text holds the headline, the lead and the
        // pictures of the story; what else it holds is furniture, removed block by block.
        Element wrapper = null;
        Element current = common;
        for (int level = 0; level < C.widenLevels(); level++) {
            Element parent = current.parent();
            if (parent == null || parent == body || stats.get(parent).nonLinkChars() > C.parentFactor() * rootText + C.parentSlack()
                    || addsForeignHeadline(current, parent, stats, isHeadline)) {
                break;
            }
            current = parent;
            wrapper = parent;
        }
        return wrapper != null ? List.of(wrapper) : roots;
    }

    /** A wrapper whose extra {@code <h1>} is not the story's headline (the site's logo, a section title). */
    private static boolean addsForeignHeadline(Element current, Element parent, TextStats stats,
            Predicate<String> isHeadline) {
        if (stats.get(parent).headlines == stats.get(current).headlines) {
            return false;
        }
        for (Element sibling : parent.children()) {
            if (sibling != current && stats.get(sibling).headlines > 0) {
                for (Element h1 : sibling.getElementsByTag("h1")) {
                    if (!isHeadline.test(h1.text())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Element commonAncestor(List<Element> elements) {
        if (elements.size() == 1) {
            return elements.get(0);
        }
        Element first = elements.get(0);
        Element candidate = first.parent();
        while (candidate != null) {
            boolean all = true;
            for (Element e : elements) {
                if (!isAncestor(candidate, e)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return candidate;
            }
            candidate = candidate.parent();
        }
        return first;
    }

    static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
