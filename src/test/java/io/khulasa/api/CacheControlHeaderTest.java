package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheControlHeaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "NULL; false", "''; false", "max-age=60; false", "no-store; false", "no-cache; true", "No-Cache; true",
            "max-age=0, no-cache; true", "  no-cache  ; true", "no-cache=\"Set-Cookie\"; true", "no-caching; false" })
    void noCacheIsOneDirectiveAmongOthers(String header, boolean expected) {
        assertThat(CacheControlHeader.noCache(header)).isEqualTo(expected);
    }
}
