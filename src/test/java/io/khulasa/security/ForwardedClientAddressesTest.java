package io.khulasa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardedClientAddressesTest {

    @ParameterizedTest(name = "forwarding {0}, trusted [{1}] -> trusts every peer {2}")
    @CsvSource(delimiter = '|', value = {
            "false |                       | false | the connecting peer; forwarded headers are ignored",
            "false | 10.0.0.0/8            | false | the connecting peer; forwarded headers are ignored",
            "true  |                       | true  | forwarded by any peer",
            "true  | 10.0.0.0/8;192.0.2.10 | false | forwarded by the trusted proxies [10.0.0.0/8, 192.0.2.10]",
    })
    void saysWhereTheClientAddressComesFrom(boolean forwarding, String trusted, boolean trustsEveryPeer, String source) {
        Optional<List<String>> proxies = Optional.ofNullable(trusted).map(t -> List.of(t.split(";")));
        ForwardedClientAddresses addresses = new ForwardedClientAddresses(forwarding, proxies);
        assertThat(addresses.trustsEveryPeer()).isEqualTo(trustsEveryPeer);
        assertThat(addresses.describe()).endsWith(source);
    }
}
