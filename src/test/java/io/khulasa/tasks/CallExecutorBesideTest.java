package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CallExecutor#beside}: work started for later (the article's index, read while the model writes) runs on a
 * thread of its own at once, is waited for only when asked, and fails the asker with its own failure.
 */
class CallExecutorBesideTest {

    final TaskKit kit = new TaskKit();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void runsAtOnceOnAnotherThreadAndWaitsOnlyWhenAsked() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Supplier<Thread> result = kit.executor.beside(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Thread.currentThread();
        });
        // started without being asked, and the caller was not held up while it runs
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        Thread ranOn = result.get();
        assertThat(ranOn).isNotSameAs(caller);
        assertThat(ranOn.isVirtual()).isTrue();
        assertThat(result.get()).as("asked again: the same result, not run twice").isSameAs(ranOn);
    }

    @Test
    void aFailureReachesTheAskerAsItWasThrown() {
        IllegalStateException failure = new IllegalStateException("index failed");
        Supplier<String> result = kit.executor.beside(() -> {
            throw failure;
        });
        assertThatThrownBy(result::get).isSameAs(failure);
    }
}
