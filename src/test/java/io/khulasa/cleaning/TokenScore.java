package io.khulasa.cleaning;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction benchmarks' measure: bag-of-tokens precision, recall and F1 of an extracted text against
 * the expected one. Both sides are NFC-normalised, tatweel and format characters (Cf) are removed, punctuation and
 * symbols become spaces, and tokens are what whitespace separates; the bags are compared as multisets.
 */
public final class TokenScore {

    /** Precision, recall and F1 of one page (all 1.0 when both sides are empty). */
    public record Prf(double precision, double recall, double f1) {
    }

    private TokenScore() {
    }

    public static List<String> tokens(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == 0x0640 || type == Character.FORMAT) {
                continue;
            }
            if (isPunctuationOrSymbol(type)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        List<String> tokens = new ArrayList<>();
        for (String t : sb.toString().split("\\s+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private static boolean isPunctuationOrSymbol(int type) {
        return switch (type) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    public static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        for (String t : tokens(text)) {
            bag.merge(t, 1, Integer::sum);
        }
        return bag;
    }

    public static Prf score(String extracted, String expected) {
        Map<String, Integer> got = bag(extracted);
        Map<String, Integer> want = bag(expected);
        int gotN = got.values().stream().mapToInt(Integer::intValue).sum();
        int wantN = want.values().stream().mapToInt(Integer::intValue).sum();
        if (gotN == 0 && wantN == 0) {
            return new Prf(1, 1, 1);
        }
        int overlap = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            overlap += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        double p = gotN == 0 ? 0 : (double) overlap / gotN;
        double r = wantN == 0 ? 0 : (double) overlap / wantN;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Prf(p, r, f);
    }

    /** Share of a paragraph's tokens found in the extracted text (multiset: a token counts as often as it is there). */
    public static double kept(String paragraph, Map<String, Integer> extractedBag) {
        Map<String, Integer> para = bag(paragraph);
        int n = 0;
        int kept = 0;
        for (Map.Entry<String, Integer> e : para.entrySet()) {
            n += e.getValue();
            kept += Math.min(e.getValue(), extractedBag.getOrDefault(e.getKey(), 0));
        }
        return n == 0 ? 1 : (double) kept / n;
    }
}
