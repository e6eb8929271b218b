package io.khulasa.cleaning;

/**
 * The input cannot become an Arabic article (mapped to 422 by the API layer).
 * Codes: {@link #NO_ARABIC_TEXT}, {@link #MOJIBAKE_UNREPAIRABLE}. The detail never quotes article text.
 */
public class ArticleRejectedException extends RuntimeException {

    /** After cleaning, fewer than 20 Arabic letters or Arabic letters below 30% of all letters. */
    public static final String NO_ARABIC_TEXT = "no-arabic-text";
    /** The text looks like UTF-8 decoded as Windows-1256/1252 but the bytes cannot be recovered. */
    public static final String MOJIBAKE_UNREPAIRABLE = "mojibake-unrepairable";

    private final String code;
    private final String detail;

    public ArticleRejectedException(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    /** Stable kebab-case problem code. */
    public String code() {
        return code;
    }

    /** Human-readable explanation, safe to return to clients. */
    public String detail() {
        return detail;
    }
}
