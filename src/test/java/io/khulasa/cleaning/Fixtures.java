package io.khulasa.cleaning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixtures under {@code src/test/resources/articles/}. */
final class Fixtures {

    /** Dirty inputs that have a hand-checked {@code <name>.cleaned.txt}. */
    static final List<String> DIRTY = List.of("taif-post-karabakh.txt", "gaza-aid.txt", "oil-prices.html",
            "syria-elections-mojibake.txt", "tech-ai-pdf.txt", "tech-ai-wordpress.html");

    /** Hand-written clean articles (no junk at all). */
    static final List<String> CLEAN = List.of("src/gaza-aid.clean.txt", "src/oil-prices.clean.txt",
            "src/syria-elections.clean.txt", "src/tech-ai.clean.txt", "taif-post-karabakh.cleaned.txt");

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArticleInput input(String name) {
        String content = read(name);
        return name.endsWith(".html") ? html(content) : text(content);
    }

    /** Plain-text input without a known title. */
    static ArticleInput text(String text) {
        return new ArticleInput(text, null, null);
    }

    /** HTML input without a known title. */
    static ArticleInput html(String html) {
        return new ArticleInput(null, html, null);
    }

    static String expected(String name) {
        return read(name.replaceFirst("\\.(txt|html)$", ".cleaned.txt")).strip();
    }
}
