package io.khulasa.api;

import java.util.Locale;

/**
 * The request header {@code Cache-Control} on task endpoints: {@code no-cache} skips the result cache for this request
 * (the LLM is asked again) and stores the fresh answer in place of the old one. Documented once, as the reusable
 * parameter {@value #PARAMETER} in {@code META-INF/openapi.yaml}.
 */
final class CacheControlHeader {

    static final String PARAMETER = "#/components/parameters/CacheControl";

    private CacheControlHeader() {
    }

    /** Whether the header asks for a fresh answer: a {@code no-cache} directive, any case, among others. */
    static boolean noCache(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String directive : header.split(",")) {
            String d = directive.strip().toLowerCase(Locale.ROOT);
            if (d.equals("no-cache") || d.startsWith("no-cache=")) {
                return true;
            }
        }
        return false;
    }
}
