package io.khulasa.chunking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures from {@code src/test/resources/articles}. */
public final class Articles {

    private Articles() {}

    /** @return the fixture text without a final newline */
    public static String read(String name) {
        try (InputStream in = Articles.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference article. */
    public static String reference() {
        return read("taif-post-karabakh.txt");
    }
}
