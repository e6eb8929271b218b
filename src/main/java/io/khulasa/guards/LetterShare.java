package io.khulasa.guards;

/**
 * Counts of letters by script in a text.
 *
 * @param arabic letters of the Arabic script
 * @param latin  letters of the Latin script
 * @param other  letters of any other script
 */
public record LetterShare(int arabic, int latin, int other) {

    /** @return the letter counts of {@code text} (digits, punctuation, marks and spaces are ignored) */
    public static LetterShare of(String text) {
        int arabic = 0;
        int latin = 0;
        int other = 0;
        if (text != null) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                // ASCII and the Arabic letters U+0621–U+064A (less tatweel) without the Unicode tables
                if (cp < 0x80) {
                    if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z') {
                        latin++;
                    }
                    continue;
                }
                if (cp >= 0x0621 && cp <= 0x064A && cp != 0x0640) {
                    arabic++;
                    continue;
                }
                if (!Character.isLetter(cp)) {
                    continue;
                }
                switch (Character.UnicodeScript.of(cp)) {
                    case ARABIC -> arabic++;
                    case LATIN -> latin++;
                    default -> other++;
                }
            }
        }
        return new LetterShare(arabic, latin, other);
    }

    /** @return all letters */
    public int letters() {
        return arabic + latin + other;
    }

    /** @return the share of Arabic letters among all letters, 0 when there are none */
    public double arabicShare() {
        return letters() == 0 ? 0 : (double) arabic / letters();
    }

    /** @return the share of Latin letters among all letters, 0 when there are none */
    public double latinShare() {
        return letters() == 0 ? 0 : (double) latin / letters();
    }
}
