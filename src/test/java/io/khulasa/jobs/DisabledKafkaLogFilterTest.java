package io.khulasa.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The default start's SRMSG00207 about the disabled Kafka channels is dropped, and only that (issue 22). */
class DisabledKafkaLogFilterTest {

    /** The warning as SmallRye Reactive Messaging 4.33 logs it at a default start (Kafka off). */
    static final String DEFAULT_START = """
            SRMSG00207: Some components are not connected to either downstream consumers or upstream producers:
            \t- Emitter{channel:'khulasa-results-out'} has no downstream
            \t- Emitter{channel:'khulasa-requests-out'} has no downstream
            \t- Emitter{channel:'khulasa-dead-letter-out'} has no downstream
            \t- SubscriberMethod{method:'io.khulasa.jobs.RequestConsumer#consume', incoming:'khulasa-requests'} has no upstream
            """;

    static ExtLogRecord record(Level level, String message) {
        ExtLogRecord r = new ExtLogRecord(level, message, ExtLogRecord.FormatStyle.NO_FORMAT,
                "io.smallrye.reactive.messaging.provider");
        r.setLoggerName("io.smallrye.reactive.messaging.provider");
        return r;
    }

    @Test
    void theDefaultStartsWarningIsDroppedWhenKafkaIsOff() {
        assertThat(new DisabledKafkaLogFilter(false).isLoggable(record(Level.WARNING, DEFAULT_START))).isFalse();
    }

    @Test
    void withKafkaOnItIsAReadWarning() {
        assertThat(new DisabledKafkaLogFilter(true).isLoggable(record(Level.WARNING, DEFAULT_START))).isTrue();
    }

    @Test
    void anyOtherUnconnectedComponentIsStillReported() {
        String other = DEFAULT_START + "\t- Emitter{channel:'somebody-elses-channel'} has no downstream\n";
        assertThat(new DisabledKafkaLogFilter(false).isLoggable(record(Level.WARNING, other))).isTrue();
        String unnamed = "SRMSG00207: Some components are not connected to either downstream consumers or upstream "
                + "producers:\n\t- SomethingNew{} has no upstream\n";
        assertThat(new DisabledKafkaLogFilter(false).isLoggable(record(Level.WARNING, unnamed))).isTrue();
    }

    @Test
    void otherMessagesPass() {
        DisabledKafkaLogFilter filter = new DisabledKafkaLogFilter(false);
        assertThat(filter.isLoggable(record(Level.INFO,
                "SRMSG00232: Outgoing channel `khulasa-results-out` disabled by configuration"))).isTrue();
        assertThat(filter.isLoggable(record(Level.WARNING, "Job store unavailable"))).isTrue();
    }
}
