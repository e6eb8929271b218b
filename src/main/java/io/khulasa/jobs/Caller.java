package io.khulasa.jobs;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.khulasa.security.AccessGuard;

/**
 * The API key a jobs call came with (already checked at the door by the access filter): a job belongs to the key that
 * created it and is visible to that key only.
 *
 * @param authorization the {@code Authorization} header
 * @param apiKey        the {@code X-API-Key} header
 */
public record Caller(@HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(hidden = true) String authorization,
        @HeaderParam(AccessGuard.API_KEY_HEADER) @Parameter(hidden = true) String apiKey) {

    /** The job owner this caller is: a hash of its key, or {@code anonymous} when the service has no keys. */
    String owner(AccessGuard guard) {
        return guard.owner(authorization, apiKey);
    }
}
