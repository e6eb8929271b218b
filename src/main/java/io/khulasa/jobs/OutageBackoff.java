package io.khulasa.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.config.JobsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Pauses work on job and feed articles while the LLM is out. An article whose outcome is an outage problem (503: the
 * LLM unreachable, rate-limited, saturated or its circuit open; 504: timeout) is not failed: work stops for a back-off
 * (1 s by default, doubled on each further outage up to 60 s), then the article is tried again. While paused, Kafka
 * consumption is paused too (listeners), so no article is fetched that could not run. Any other outcome, success or
 * problem, ends the outage streak.
 */
@ApplicationScoped
public class OutageBackoff {

    /** Told when work pauses and resumes (the Kafka consumer pauses its channel). */
    public interface Listener {
        void paused();

        void resumed();
    }

    private final Duration initial;
    private final Duration max;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "khulasa-outage-backoff");
        t.setDaemon(true);
        return t;
    });
    private final MeterRegistry registry;
    private int streak;
    private long reopenAt;
    private boolean paused;

    public OutageBackoff(JobsConfig config, MeterRegistry registry) {
        this.initial = config.outageInitialBackoff();
        this.max = config.outageMaxBackoff();
        this.registry = registry;
        registry.gauge("khulasa.jobs.paused", this, b -> b.isPaused() ? 1 : 0);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Waits while work is paused. */
    public synchronized void awaitOpen() throws InterruptedException {
        long left;
        while ((left = reopenAt - System.nanoTime()) > 0) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /** An article met an LLM outage: pause (unless already paused) for the next back-off. */
    public void outage(String code) {
        long delayMs;
        synchronized (this) {
            if (reopenAt - System.nanoTime() > 0) {
                return; // already paused: this article only tries again when work resumes
            }
            streak++;
            delayMs = Math.min(max.toMillis(), initial.toMillis() << Math.min(20, streak - 1));
            reopenAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
            paused = true;
        }
        registry.counter("khulasa.jobs.outage.pauses", "code", code).increment();
        Log.warnf("LLM outage (%s): job and feed articles pause for %d ms (outage %d in a row); no article is failed",
                code, delayMs, streak);
        listeners.forEach(Listener::paused);
        timer.schedule(this::resume, delayMs, TimeUnit.MILLISECONDS);
    }

    /** An article got an outcome that is not an outage: the streak ends. */
    public synchronized void success() {
        streak = 0;
    }

    private void resume() {
        synchronized (this) {
            if (!paused || reopenAt - System.nanoTime() > 0) {
                return;
            }
            paused = false;
            notifyAll();
        }
        Log.info("Job and feed articles resume after the LLM outage pause");
        listeners.forEach(Listener::resumed);
    }

    /** Whether an outcome is an LLM outage (retry later) rather than the article's final answer. */
    public static boolean isOutage(int status) {
        return status == 503 || status == 504;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
