package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/** The packaged service refuses to start on an invalid prompt file, and says which file. */
@QuarkusMainIntegrationTest
@TestProfile(InvalidPromptStartupIT.BrokenPromptFolder.class)
class InvalidPromptStartupIT {

    public static class BrokenPromptFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khulasa.prompts.dir", Path.of("src/test/resources/broken-prompts").toAbsolutePath().toString());
        }
    }

    @Test
    void startUpFailsNamingTheFile(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("broken-prompts/summarize/v5.yaml")
                .contains("unknown placeholder {{articel}}");
    }
}
