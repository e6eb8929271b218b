package io.khulasa.tasks;

/**
 * Whether the first line of a title-then-body answer is the translated title, or the model skipped the title and the
 * line is already the article's first paragraph. A headline is short and carries no final full stop; a paragraph runs
 * on. Judged against the Arabic title it translates: English takes about as many words as Arabic, give or take a
 * third.
 */
final class TitleLine {

    /** The warning code when a title was sent and no title line came back. */
    static final String MISSING = "title-missing";

    private TitleLine() {
    }

    static boolean looksLikeTitle(String line, String arabicTitle) {
        int words = words(line);
        int arabicWords = Math.max(1, words(arabicTitle));
        if (words > 2 * arabicWords + 6) {
            return false;
        }
        String end = line.strip();
        boolean sentenceEnd = end.endsWith(".") && !end.endsWith("...");
        return !(sentenceEnd && words > 1.3 * arabicWords + 3);
    }

    static String warning() {
        return MISSING + ": the translation has no title line (its first line is the article's first paragraph), so it "
                + "is returned without a title";
    }

    private static int words(String text) {
        if (text == null) {
            return 0;
        }
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                n++;
            }
            inWord = letter;
        }
        return n;
    }
}
