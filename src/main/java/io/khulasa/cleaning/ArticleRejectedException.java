package io.khulasa.cleaning;

/** The input holds no usable Arabic article (HTTP 422). */
public class ArticleRejectedException extends RuntimeException {

    private final String code;

    public ArticleRejectedException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    /** Stable problem code, e.g. {@code no-arabic-text}. */
    public String code() {
        return code;
    }
}
