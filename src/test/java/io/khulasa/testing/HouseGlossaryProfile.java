package io.khulasa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Test profile with a house glossary: a copy of {@code src/test/resources/glossary/house.csv} under {@code target/},
 * so tests may rewrite the file (reload) without touching the sources. Checks for changes are off: the file is only
 * re-read on {@code POST /v1/glossary/reload}.
 */
public class HouseGlossaryProfile implements QuarkusTestProfile {

    public static final Path FILE = Path.of("target/test-glossary/house.csv").toAbsolutePath();
    public static final String CSV = FakeLlm.resource("glossary/house.csv");

    @Override
    public Map<String, String> getConfigOverrides() {
        restore();
        return Map.of("khulasa.glossary.file", FILE.toString(), "khulasa.glossary.check-interval", "0s");
    }

    /** Writes the original glossary back. */
    public static void restore() {
        write(CSV);
    }

    public static void write(String content) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
