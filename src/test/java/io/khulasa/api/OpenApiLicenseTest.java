package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The licence the OpenAPI document declares is the one in the repository's LICENSE file, word for word: a client
 * reading {@code info.license} and a lawyer reading LICENSE must see the same terms.
 */
@QuarkusTest
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiLicenseTest {

    /** A licence the document may name: its canonical URL and the SHA-256 of its canonical text. */
    record KnownLicence(String name, String url, String textSha256, String heading) {
    }

    /** SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt, the text Apache projects ship as META-INF/LICENSE.txt. */
    static final Map<String, KnownLicence> BY_URL = Map.of(
            "https://www.apache.org/licenses/LICENSE-2.0.html",
            new KnownLicence("Apache 2.0", "https://www.apache.org/licenses/LICENSE-2.0.html",
                    "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30", "Version 2.0, January 2004"));

    @Test
    void theDeclaredLicenceIsTheLicenceFileWordForWord() throws IOException {
        JsonPath doc = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String name = doc.getString("info.license.name");
        String url = doc.getString("info.license.url");

        assertThat(BY_URL).as("the licence URL the OpenAPI document declares").containsKey(url);
        KnownLicence expected = BY_URL.get(url);
        assertThat(name).isEqualTo(expected.name());

        // Tests run in the project directory: LICENSE is at the top of the repository.
        Path licence = Path.of("LICENSE");
        assertThat(licence).as("a LICENSE file at the top of the repository").isRegularFile();
        String text = Files.readString(licence, StandardCharsets.UTF_8);
        assertThat(text).contains("Apache License", expected.heading(), "END OF TERMS AND CONDITIONS");
        assertThat(sha256(Files.readAllBytes(licence))).as("LICENSE is the unmodified licence text").isEqualTo(expected.textSha256());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
