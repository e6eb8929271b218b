package io.khulasa.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of the service at any level while attached, one line each: level, logger, the formatted message and
 * each cause ({@code | class message}), for tests that check what is logged and what is not.
 */
public final class LogCapture extends Handler {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    /** Starts capturing, on the root logger. */
    public LogCapture attach() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
        return this;
    }

    public void detach() {
        Logger.getLogger("").removeHandler(this);
    }

    /** The lines captured so far (a live, synchronised list). */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " ");
        line.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t).append(' ').append(t.getMessage());
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
