package io.khulasa.cleaning;

import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text counts of every element of a tree, computed bottom-up in one pass (the tree is walked iteratively, so a page
 * nested 20,000 deep costs what a flat one does): visible characters, characters inside links, the element's own text
 * (not in child elements) and its sentence punctuation. Link density = {@code linkChars / chars}.
 * <p>
 * Characters are non-whitespace characters: indentation and line breaks of the markup count for nothing.
 */
final class TextStats {

    /** Counts for one element. Mutable while the pass runs; read-only afterwards. */
    static final class Counts {
        int chars;
        int linkChars;
        int ownChars;
        int ownPunctuation;
        int words;
        /** {@code <h1>} and {@code <figcaption>} elements in the subtree, self included. */
        int headlines;
        int captions;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }

        int nonLinkChars() {
            return chars - linkChars;
        }
    }

    private static final Counts EMPTY = new Counts();

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    static TextStats of(Element root) {
        TextStats stats = new TextStats();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                // counted in tail, once every child is done
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    stats.counts.put(e, stats.count(e));
                }
            }
        }, root);
        return stats;
    }

    Counts get(Element e) {
        Counts c = counts.get(e);
        return c == null ? EMPTY : c;
    }

    /** Recomputes one element from its children (after some of them were removed). */
    void recount(Element e) {
        counts.put(e, count(e));
    }

    private Counts count(Element e) {
        Counts c = new Counts();
        String tag = e.normalName();
        boolean link = tag.equals("a");
        c.headlines = tag.equals("h1") ? 1 : 0;
        c.captions = tag.equals("figcaption") ? 1 : 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                String s = t.getWholeText();
                int chars = 0;
                int punctuation = 0;
                int words = 0;
                boolean inWord = false;
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    if (Character.isWhitespace(ch) || ch == '\u00A0') {
                        inWord = false;
                        continue;
                    }
                    chars++;
                    if (!inWord) {
                        words++;
                        inWord = true;
                    }
                    if (isSentencePunctuation(ch)) {
                        punctuation++;
                    }
                }
                c.chars += chars;
                c.ownChars += chars;
                c.ownPunctuation += punctuation;
                c.words += words;
            } else if (child instanceof Element ce) {
                Counts cc = get(ce);
                c.chars += cc.chars;
                c.linkChars += cc.linkChars;
                c.words += cc.words;
                c.headlines += cc.headlines;
                c.captions += cc.captions;
            }
        }
        if (link) {
            c.linkChars = c.chars;
        }
        return c;
    }

    static boolean isSentencePunctuation(char ch) {
        return ch == '،' || ch == ',' || ch == '.' || ch == '؛' || ch == '؟' || ch == '!' || ch == '?' || ch == ':';
    }
}
