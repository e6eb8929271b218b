package io.khulasa.glossary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.khulasa.config.GlossaryConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * Holds the house glossary ({@code khulasa.glossary.file}) and its matcher.
 * <ul>
 * <li>Loaded eagerly at start-up; an invalid file fails start-up with a message naming the file.</li>
 * <li>{@link #reload()} re-reads the file; if the new file is invalid the old glossary stays and the error is
 * thrown.</li>
 * <li>{@link #matcher()} compares the file's modification time and size with the loaded version at most once per
 * {@code khulasa.glossary.check-interval} and reloads when they changed; an invalid new version is logged
 * (WARN, file name and reason only) and the old glossary stays.</li>
 * </ul>
 * No file configured means an empty glossary.
 */
@Startup
@ApplicationScoped
public class GlossaryStore {

    /** What is loaded now: the entries, their matcher and the file's stamp when read. */
    public record Snapshot(List<GlossaryEntry> entries, GlossaryMatcher matcher, FileStamp stamp) {
    }

    /** Modification time and size of the file as loaded. */
    public record FileStamp(long modifiedMillis, long size) {
    }

    private final Optional<Path> file;
    private final long checkIntervalNanos;
    private final LongSupplier nanoClock;
    private volatile Snapshot snapshot;
    private volatile long nextCheckNanos;
    /** Stamp of a file version that failed to load, so it is not re-parsed on every check. */
    private volatile FileStamp rejectedStamp;

    @Inject
    public GlossaryStore(GlossaryConfig config) {
        this(config.file().filter(f -> !f.isBlank()).map(Path::of), config.checkInterval(), System::nanoTime);
    }

    GlossaryStore(Optional<Path> file, Duration checkInterval, LongSupplier nanoClock) {
        this.file = file;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.nanoClock = nanoClock;
        this.snapshot = file.map(GlossaryStore::read).orElseGet(() -> new Snapshot(List.of(), GlossaryMatcher.empty(), null));
        this.nextCheckNanos = nanoClock.getAsLong() + checkIntervalNanos;
        file.ifPresent(f -> Log.infof("Glossary %s: %d entries", f, snapshot.entries().size()));
    }

    /** The current matcher, after a cheap modification check when one is due. */
    public GlossaryMatcher matcher() {
        return current().matcher();
    }

    /** The current glossary, after a cheap modification check when one is due. */
    public Snapshot current() {
        reloadIfModified();
        return snapshot;
    }

    /** The configured file, if any. */
    public Optional<Path> file() {
        return file;
    }

    /**
     * Re-reads the file now.
     *
     * @return the number of entries loaded
     * @throws InvalidGlossaryException if the file is invalid; the previous glossary stays in use
     */
    public synchronized int reload() {
        if (file.isEmpty()) {
            return 0;
        }
        Snapshot fresh = read(file.get());
        snapshot = fresh;
        rejectedStamp = null;
        Log.infof("Glossary %s reloaded: %d entries", file.get(), fresh.entries().size());
        return fresh.entries().size();
    }

    /** Reloads if the check interval has passed and the file's stamp changed; never throws. */
    void reloadIfModified() {
        if (file.isEmpty() || checkIntervalNanos <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - nextCheckNanos < 0) {
            return;
        }
        synchronized (this) {
            if (now - nextCheckNanos < 0) {
                return;
            }
            nextCheckNanos = now + checkIntervalNanos;
            FileStamp stamp;
            try {
                stamp = stamp(file.get());
            } catch (IOException e) {
                Log.warnf("Glossary %s cannot be checked (%s); keeping %d entries", file.get(), e.getMessage(),
                        snapshot.entries().size());
                return;
            }
            if (stamp.equals(snapshot.stamp()) || stamp.equals(rejectedStamp)) {
                return;
            }
            try {
                reload();
            } catch (InvalidGlossaryException e) {
                rejectedStamp = stamp;
                Log.warnf("Glossary %s changed but is invalid; keeping %d entries: %s", file.get(),
                        snapshot.entries().size(), e.getMessage());
            }
        }
    }

    private static Snapshot read(Path file) {
        FileStamp before;
        try {
            before = stamp(file);
        } catch (IOException e) {
            throw new InvalidGlossaryException("Cannot read glossary " + file + ": " + e, e);
        }
        List<GlossaryEntry> entries = GlossaryFileLoader.load(file);
        return new Snapshot(entries, GlossaryMatcher.of(entries), before);
    }

    private static FileStamp stamp(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attrs.lastModifiedTime().toMillis(), attrs.size());
    }
}
