package io.khulasa.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A smaller chunk budget, so that a 3,000-word test article makes several chunks. */
public class SmallChunksProfile implements QuarkusTestProfile {

    /** The budget, also used by tests to compute the expected chunks. */
    public static final int MAX_INPUT_TOKENS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("khulasa.chunking.max-input-tokens", String.valueOf(MAX_INPUT_TOKENS));
    }
}
