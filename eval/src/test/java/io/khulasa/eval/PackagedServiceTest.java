package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the packaged service the end-to-end test fails and says how to build it; it never skips. */
class PackagedServiceTest {

    @TempDir
    Path dir;

    @Test
    void aMissingServiceJarFailsNamingTheBuildCommand() {
        Path missing = dir.resolve("target/quarkus-app/quarkus-run.jar");
        assertThatThrownBy(() -> PackagedService.start(missing, Map.of(), dir.resolve("service.log")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("packaged khulasa service is missing")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("./mvnw -B verify");
    }
}
