package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/** What issue 20 set for the I/O path: Netty's epoll transport on Linux, and Jackson buffers shared across threads. */
@QuarkusTest
class IoDefaultsTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    @Test
    void theEventLoopsUseEpollOnLinux() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        // the service ships the x86-64 and aarch64 epoll libraries; elsewhere (macOS) Vert.x keeps NIO
        boolean shipped = os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64"));
        assertThat(vertx.isNativeTransportEnabled()).as("%s %s", os, arch).isEqualTo(shipped);
    }

    @Test
    void aVirtualThreadLeavesItsJsonBuffersToTheNext() throws Exception {
        RecyclerPool<?> pool = mapper.getFactory()._getRecyclerPool();
        assertThat(pool).isSameAs(JsonRecyclerPools.sharedBoundedPool());
        String json = "{\"text\":\"" + "خبر ".repeat(3_000) + "\"}";
        for (int i = 0; i < 2; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    assertThat(mapper.readTree(json).path("text").asText()).hasSize(12_000);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).join();
            // the thread is gone, its buffers are not: the next thread (the next request) takes them
            assertThat(pool.pooledCount()).isPositive();
        }
    }
}
