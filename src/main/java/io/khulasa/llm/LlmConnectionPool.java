package io.khulasa.llm;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;
import io.smallrye.config.SmallRyeConfig;

/**
 * Sizes the HTTP connection pool of the REST client that quarkus-langchain4j builds for the OpenAI protocol.
 * <p>
 * That client is built programmatically ({@code QuarkusRestClientBuilder}), so neither
 * {@code quarkus.rest-client.connection-pool-size} nor the per-client key reaches it, and the Vert.x default of 50
 * connections silently capped khulasa at 50 LLM calls in flight: request 51 queued inside the client however many
 * virtual threads were waiting. The MicroProfile {@link RestClientListener} SPI (registered in
 * {@code META-INF/services}) is called by the Quarkus builder before it builds the client, for programmatic clients
 * too; setting {@link QuarkusRestClientProperties#CONNECTION_POOL_SIZE} there is what {@code ClientImpl} reads.
 * <p>
 * Size: {@code khulasa.llm.connection-pool-size}. Only the OpenAI client is touched; a size already set on the builder
 * wins.
 */
public class LlmConnectionPool implements RestClientListener {

    /** The REST interface quarkus-langchain4j-openai builds its client from (primary and any fallback model). */
    static final String OPENAI_REST_API = "io.quarkiverse.langchain4j.openai.common.OpenAiRestApi";

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (!OPENAI_REST_API.equals(serviceInterface.getName())
                || builder.getConfiguration().hasProperty(QuarkusRestClientProperties.CONNECTION_POOL_SIZE)) {
            return;
        }
        int size = configuredSize();
        builder.property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, size);
        Log.debugf("LLM REST client: connection pool of %d", size);
    }

    static int configuredSize() {
        return Math.max(1, ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(KhulasaConfig.class)
                .llm().connectionPoolSize());
    }
}
