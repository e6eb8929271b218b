package io.khulasa.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    @ParameterizedTest
    @CsvSource({ "0, 0", "1, 1", "' 7 ', 7", "120, 120" })
    void readsDeltaSeconds(String header, long seconds) {
        assertThat(RetryAfter.parse(header)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({ "-3", "soon", "1.5", "''" })
    void ignoresWhatItCannotRead(String header) {
        assertThat(RetryAfter.parse(header)).isNull();
    }

    @Test
    void readsAnHttpDate() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        assertThat(RetryAfter.parse(in30s)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(30));
        assertThat(RetryAfter.parse(past)).isEqualTo(Duration.ZERO);
    }

    @Test
    void noHeaderMeansNoHint() {
        assertThat(RetryAfter.parse(null)).isNull();
    }
}
