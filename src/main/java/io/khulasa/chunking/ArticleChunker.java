package io.khulasa.chunking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a cleaned article (one paragraph per line, {@code "\n"} separated) into {@link Chunk}s of at most
 * {@code maxInputTokens} estimated tokens each, for articles too long for one LLM call.
 *
 * <p>Cut preference, so each chunk stays readable on its own:
 * <ol>
 *   <li>between paragraphs: whole paragraphs are packed greedily, in order;</li>
 *   <li>between sentences, only inside a paragraph that alone exceeds the budget (it then starts a new
 *       chunk);</li>
 *   <li>between words, only inside a sentence that alone exceeds the budget.</li>
 * </ol>
 * A single word longer than the budget becomes a chunk of its own (the only case above the budget).
 *
 * <p>Exact reassembly: {@link #join(List)} (text + {@link Chunk#separatorAfter()} for each chunk) returns
 * the article character for character; {@link Chunk#endsParagraph()} tells where per-chunk outputs (e.g.
 * translations) must be joined with a paragraph break, so paragraph structure survives chunked processing.
 *
 * <p>Thread-safe, stateless apart from its settings.
 */
public final class ArticleChunker {

    /** A contiguous range of the article that is never cut; {@code newChunk} forces a cut before it. */
    private record Atom(int start, int end, boolean newChunk) {}

    private final TokenEstimator tokens;
    private final SentenceSplitter sentences;
    private final int maxInputTokens;

    /**
     * @param tokens         token estimator
     * @param sentences      sentence splitter (used inside oversized paragraphs and by {@link #splitFurther})
     * @param maxInputTokens token budget per chunk, at least 1
     */
    public ArticleChunker(TokenEstimator tokens, SentenceSplitter sentences, int maxInputTokens) {
        if (maxInputTokens < 1) {
            throw new IllegalArgumentException("maxInputTokens must be >= 1, was " + maxInputTokens);
        }
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.sentences = Objects.requireNonNull(sentences, "sentences");
        this.maxInputTokens = maxInputTokens;
    }

    /**
     * @param article cleaned article text, paragraphs separated by {@code "\n"}
     * @return the chunks in article order, indexed from 0; empty for an empty article
     */
    public List<Chunk> chunk(String article) {
        Objects.requireNonNull(article, "article");
        if (article.isEmpty()) {
            return List.of();
        }
        return pack(article, atoms(article));
    }

    /**
     * Cuts one chunk in two, used when its completion was truncated by the output limit. The cut is the
     * paragraph boundary nearest the middle if one lies in the middle half, else the sentence boundary
     * nearest the middle if one lies in the middle 60 %, else the word boundary nearest the middle.
     *
     * @return two chunks with indexes {@code chunk.index()} and {@code chunk.index() + 1} (renumber the
     *         following chunks with {@link #renumber(List)}); the chunk itself (one element) if it is a
     *         single word
     */
    public List<Chunk> splitFurther(Chunk chunk) {
        String text = chunk.text();
        int length = text.length();
        int cut = nearestMiddle(paragraphBoundaries(text), length, 0.25);
        if (cut < 0) {
            cut = nearestMiddle(sentenceBoundaries(text), length, 0.20);
        }
        if (cut < 0) {
            cut = nearestMiddle(wordBoundaries(text), length, 0.0);
        }
        if (cut < 0) {
            return List.of(chunk);
        }
        int gapEnd = cut;
        while (gapEnd < length && Character.isWhitespace(text.charAt(gapEnd))) {
            gapEnd++;
        }
        String first = text.substring(0, cut);
        String second = text.substring(gapEnd);
        return List.of(
                new Chunk(chunk.index(), first, tokens.count(first), text.substring(cut, gapEnd)),
                new Chunk(chunk.index() + 1, second, tokens.count(second), chunk.separatorAfter()));
    }

    /** @return the chunks with indexes 0..n-1 in list order (after {@link #splitFurther} replaced one) */
    public static List<Chunk> renumber(List<Chunk> chunks) {
        List<Chunk> renumbered = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            renumbered.add(c.index() == i ? c : new Chunk(i, c.text(), c.estimatedTokens(), c.separatorAfter()));
        }
        return renumbered;
    }

    /** @return the article the chunks came from, exactly */
    public static String join(List<Chunk> chunks) {
        StringBuilder sb = new StringBuilder();
        for (Chunk c : chunks) {
            sb.append(c.text()).append(c.separatorAfter());
        }
        return sb.toString();
    }

    // ---- atoms: paragraphs that fit, else sentences that fit, else words ----

    private List<Atom> atoms(String article) {
        List<Atom> atoms = new ArrayList<>();
        int start = 0;
        while (true) {
            int newline = article.indexOf('\n', start);
            int end = newline < 0 ? article.length() : newline;
            if (tokens.count(article.substring(start, end)) <= maxInputTokens) {
                atoms.add(new Atom(start, end, false));
            } else {
                addSentenceAtoms(article, start, end, atoms);
            }
            if (newline < 0) {
                return atoms;
            }
            start = newline + 1;
        }
    }

    private void addSentenceAtoms(String article, int paragraphStart, int paragraphEnd, List<Atom> atoms) {
        int[] ends = sentences.boundaries(article.substring(paragraphStart, paragraphEnd));
        int start = paragraphStart;
        for (int k = 0; k < ends.length; k++) {
            int segmentEnd = paragraphStart + ends[k];
            // the whitespace after a sentence is the gap to the next atom, except after the last one
            int end = k == ends.length - 1 ? segmentEnd : trimEnd(article, start, segmentEnd);
            if (tokens.count(article.substring(start, end)) <= maxInputTokens) {
                atoms.add(new Atom(start, end, k == 0));
            } else {
                addWordAtoms(article, start, end, atoms);
            }
            start = segmentEnd;
        }
    }

    private static void addWordAtoms(String article, int sentenceStart, int sentenceEnd, List<Atom> atoms) {
        int atomStart = sentenceStart;
        boolean first = true;
        int i = sentenceStart;
        while (i < sentenceEnd) {
            while (i < sentenceEnd && Character.isWhitespace(article.charAt(i))) {
                i++;
            }
            while (i < sentenceEnd && !Character.isWhitespace(article.charAt(i))) {
                i++;
            }
            int wordEnd = i;
            int next = i;
            while (next < sentenceEnd && Character.isWhitespace(article.charAt(next))) {
                next++;
            }
            boolean last = next >= sentenceEnd;
            atoms.add(new Atom(atomStart, last ? sentenceEnd : wordEnd, first));
            first = false;
            atomStart = next;
            i = next;
            if (last) {
                break;
            }
        }
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    // ---- greedy packing ----

    private List<Chunk> pack(String article, List<Atom> atoms) {
        int n = atoms.size();
        int[] atomTokens = new int[n];
        int[] gapTokens = new int[n];
        for (int k = 0; k < n; k++) {
            Atom a = atoms.get(k);
            atomTokens[k] = tokens.count(article.substring(a.start(), a.end()));
            gapTokens[k] = k + 1 < n ? tokens.count(article.substring(a.end(), atoms.get(k + 1).start())) : 0;
        }
        List<Chunk> chunks = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int j = i;
            long estimate = atomTokens[i];
            // cheap additive estimate first ...
            while (j + 1 < n && !atoms.get(j + 1).newChunk()
                    && estimate + gapTokens[j] + atomTokens[j + 1] <= maxInputTokens) {
                estimate += gapTokens[j] + atomTokens[j + 1];
                j++;
            }
            // ... then the real count: BPE merges across atom boundaries can change the total slightly
            String text = article.substring(atoms.get(i).start(), atoms.get(j).end());
            int count = tokens.count(text);
            while (j > i && count > maxInputTokens) {
                j--;
                text = article.substring(atoms.get(i).start(), atoms.get(j).end());
                count = tokens.count(text);
            }
            // the estimate is usually pessimistic (a space merges with the next word): top up with real counts
            while (j + 1 < n && !atoms.get(j + 1).newChunk()) {
                String longer = article.substring(atoms.get(i).start(), atoms.get(j + 1).end());
                int longerCount = tokens.count(longer);
                if (longerCount > maxInputTokens) {
                    break;
                }
                j++;
                text = longer;
                count = longerCount;
            }
            String separator = j + 1 < n ? article.substring(atoms.get(j).end(), atoms.get(j + 1).start()) : "";
            chunks.add(new Chunk(chunks.size(), text, count, separator));
            i = j + 1;
        }
        return chunks;
    }

    // ---- cut candidates for splitFurther: offsets where the first half ends ----

    private static List<Integer> paragraphBoundaries(String text) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            cuts.add(i);
        }
        return cuts;
    }

    private List<Integer> sentenceBoundaries(String text) {
        List<Integer> cuts = new ArrayList<>();
        int[] ends = sentences.boundaries(text);
        for (int k = 0; k < ends.length - 1; k++) {
            int end = trimEnd(text, 0, ends[k]);
            if (end > 0) {
                cuts.add(end);
            }
        }
        return cuts;
    }

    private static List<Integer> wordBoundaries(String text) {
        List<Integer> cuts = new ArrayList<>();
        int contentEnd = trimEnd(text, 0, text.length());
        for (int i = 1; i < contentEnd; i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                cuts.add(i);
            }
        }
        return cuts;
    }

    /** @return the candidate nearest the middle within [margin, 1 - margin] of the length, or -1 */
    private static int nearestMiddle(List<Integer> candidates, int length, double margin) {
        double middle = length / 2.0;
        int best = -1;
        for (int c : candidates) {
            if (c <= 0 || c >= length || c < margin * length || c > (1 - margin) * length) {
                continue;
            }
            if (best < 0 || Math.abs(c - middle) < Math.abs(best - middle)) {
                best = c;
            }
        }
        return best;
    }
}
