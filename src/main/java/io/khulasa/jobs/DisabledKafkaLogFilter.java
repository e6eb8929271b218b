package io.khulasa.jobs;

import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * In the default embedded mode ({@code khulasa.kafka.enabled=false}) khulasa's four Kafka channels are disabled by
 * configuration, on purpose; SmallRye Reactive Messaging then reports the emitters and the consumer bound to them as
 * "not connected" (WARN SRMSG00207) at every start, a warning about nothing. This filter drops that one warning when
 * Kafka is off and every component it names is one of those channels; any other unconnected component, or Kafka on,
 * still logs it. Registered on the console and file handlers in {@code application.properties}.
 */
@LoggingFilter(name = DisabledKafkaLogFilter.NAME)
public final class DisabledKafkaLogFilter implements Filter {

    public static final String NAME = "khulasa-disabled-kafka";

    /** The channels {@code application.properties} disables with Kafka. */
    static final Set<String> CHANNELS = Set.of("khulasa-requests", "khulasa-requests-out", "khulasa-results-out",
            "khulasa-dead-letter-out");

    private static final Pattern COMPONENT = Pattern.compile("(?m)^\\s*-\\s*(.*)$");
    private static final Pattern CHANNEL = Pattern.compile("(?:channel|incoming|outgoing):'([^']+)'");

    private final boolean kafkaEnabled;

    public DisabledKafkaLogFilter(@ConfigProperty(name = "khulasa.kafka.enabled", defaultValue = "false") boolean kafkaEnabled) {
        this.kafkaEnabled = kafkaEnabled;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (kafkaEnabled) {
            return true;
        }
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        return message == null || !message.startsWith("SRMSG00207") || !onlyDisabledChannels(message);
    }

    /** Whether every component the warning lists is bound to one of khulasa's disabled Kafka channels. */
    static boolean onlyDisabledChannels(String message) {
        Matcher component = COMPONENT.matcher(message);
        int components = 0;
        while (component.find()) {
            components++;
            Matcher channel = CHANNEL.matcher(component.group(1));
            boolean any = false;
            while (channel.find()) {
                if (!CHANNELS.contains(channel.group(1))) {
                    return false;
                }
                any = true;
            }
            if (!any) {
                return false;
            }
        }
        return components > 0;
    }
}
