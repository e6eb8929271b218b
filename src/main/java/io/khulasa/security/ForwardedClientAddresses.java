package io.khulasa.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * Says at start-up where the client address behind per-client rate limits comes from. Quarkus applies forwarded
 * headers before any khulasa code runs (the request's remote address is then the forwarded one), and with
 * forwarding on but no trusted proxies it believes every peer: any client could then name a new address on each
 * request and never meet its limit. That combination is allowed (a proxy may be the only way in) but logged as a
 * warning.
 */
@Startup
@ApplicationScoped
public class ForwardedClientAddresses {

    private final boolean forwarding;
    private final List<String> trustedProxies;

    @Inject
    public ForwardedClientAddresses(
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.forwarding = forwarding;
        this.trustedProxies = trustedProxies.orElse(List.of());
        Log.info(describe());
        if (trustsEveryPeer()) {
            Log.warn("quarkus.http.proxy.proxy-address-forwarding is on without quarkus.http.proxy.trusted-proxies: "
                    + "forwarded headers are believed from any peer, so a client that reaches khulasa directly can "
                    + "pick its own address and rate-limit bucket. Set QUARKUS_HTTP_PROXY_TRUSTED_PROXIES to the "
                    + "proxies' addresses or CIDR ranges");
        }
    }

    /** Forwarding on with no trusted-proxies list: Quarkus then honours forwarded headers from anyone. */
    public boolean trustsEveryPeer() {
        return forwarding && trustedProxies.isEmpty();
    }

    String describe() {
        if (!forwarding) {
            return "Client address (per-client rate limits): the connecting peer; forwarded headers are ignored";
        }
        return "Client address (per-client rate limits): forwarded by "
                + (trustedProxies.isEmpty() ? "any peer" : "the trusted proxies " + trustedProxies);
    }
}
