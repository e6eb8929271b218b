package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * The packaged service refuses to start without API keys when anonymous access is off (as in the container
 * profile), and says what to set.
 */
@QuarkusMainIntegrationTest
@TestProfile(MissingApiKeysStartupIT.NoKeysNoAnonymousAccess.class)
class MissingApiKeysStartupIT {

    public static class NoKeysNoAnonymousAccess implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // What %container sets.
            return Map.of("khulasa.security.allow-anonymous", "false");
        }
    }

    @Test
    void startUpFailsSayingWhatToSet(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("refuses to start without API keys")
                .contains("KHULASA_SECURITY_API_KEYS")
                .contains("KHULASA_SECURITY_ALLOW_ANONYMOUS=true");
    }
}
