package io.khulasa.cleaning;

import java.util.Locale;
import java.util.Set;

/**
 * Finds the class names a page's own {@code <style>} makes visible to screen readers only: top-level rules whose
 * selector is one class ({@code .bbc-1lz3zh0}) and whose declarations shrink the element to the 1-pixel clip
 * (CSS-in-JS sites label pictures and bylines this way: «التعليق على الصورة،», «Author,»). Rules inside {@code @media}
 * blocks are ignored, and so is {@code display:none} (scripts reveal such blocks). One pass, no regex.
 */
final class CssHiddenClasses {

    /** A page's styles are read up to this many characters (a style block of megabytes is not worth more). */
    private static final int MAX_CSS_CHARS = 2_000_000;

    private CssHiddenClasses() {
    }

    static void collect(String css, Set<String> into) {
        int n = Math.min(css.length(), MAX_CSS_CHARS);
        int depth = 0;
        int selectorStart = 0;
        int i = 0;
        while (i < n) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < n && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                if (depth == 0) {
                    selectorStart = i;
                }
                continue;
            }
            if (c == '{') {
                int close = depth == 0 ? css.indexOf('}', i + 1) : -1;
                String selector = css.substring(selectorStart, i).strip();
                if (depth == 0 && !selector.startsWith("@") && close > 0) {
                    String body = css.substring(i + 1, close);
                    if (body.indexOf('{') < 0) {
                        if (hides(body)) {
                            addClasses(selector, into);
                        }
                        i = close + 1;
                        selectorStart = i;
                        continue;
                    }
                }
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    selectorStart = i + 1;
                }
            } else if (c == ';' && depth == 0) {
                selectorStart = i + 1; // @import …; @charset …;
            }
            i++;
        }
    }

    private static boolean hides(String declarations) {
        String d = declarations.toLowerCase(Locale.ROOT).replace(" ", "").replace("!important", "");
        // Only the screen-reader-only pattern: a class with display:none is often shown by a script («اقرأ المزيد»
        // revealing the rest of a story), so it is not taken as hidden.
        boolean clipped = d.contains("clip:rect(0") || d.contains("clip:rect(1px") || d.contains("clip-path:inset(50%")
                || d.contains("clip-path:inset(100%");
        boolean tiny = d.contains("width:1px") || d.contains("height:1px");
        return clipped && tiny;
    }

    /** «.a, .b» → a, b; selectors with combinators, pseudo-classes or element names are skipped. */
    private static void addClasses(String selectorList, Set<String> into) {
        for (String selector : selectorList.split(",")) {
            String s = selector.strip();
            if (s.length() > 1 && s.charAt(0) == '.' && isPlainName(s, 1)) {
                into.add(s.substring(1));
            }
        }
    }

    private static boolean isPlainName(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
