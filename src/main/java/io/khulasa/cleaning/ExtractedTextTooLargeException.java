package io.khulasa.cleaning;

/**
 * The article text extracted from an {@code html} page is over the limit a {@code text} article has (the API answers
 * 413 {@code article-too-large}). Carries sizes only, never text.
 */
public class ExtractedTextTooLargeException extends RuntimeException {

    private final long bytes;
    private final long limitBytes;

    public ExtractedTextTooLargeException(long bytes, long limitBytes) {
        super("the page's article text has " + bytes + " bytes of UTF-8; the limit is " + limitBytes, null, false,
                false);
        this.bytes = bytes;
        this.limitBytes = limitBytes;
    }

    /** UTF-8 bytes of the extracted text. */
    public long bytes() {
        return bytes;
    }

    /** The limit it is over. */
    public long limitBytes() {
        return limitBytes;
    }
}
