package io.khulasa.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Jackson's read and write buffers shared by every thread, instead of one set per thread.
 * <p>
 * Why: Jackson keeps its buffers (an 8 KB byte buffer, the char buffers a 10 KB article is parsed into) in a
 * thread-local by default. Every request runs on a virtual thread of its own, so each one made a fresh set, a
 * {@code SoftReference} for it and the thread's {@code ThreadLocalMap}, three times per request (the request body,
 * the LLM call, the response) — the largest allocation site of issue 20's profile. The bounded shared pool hands
 * a set to whichever thread parses or writes and takes it back after; it keeps at most 100 sets.
 */
@Singleton
public class JsonBufferPool implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setRecyclerPool(JsonRecyclerPools.sharedBoundedPool());
    }
}
