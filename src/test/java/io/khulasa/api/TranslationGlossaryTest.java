package io.khulasa.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.HouseGlossaryProfile;
import io.khulasa.testing.InjectFakeLlm;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The house glossary and a request's glossary in translations and digests. */
@QuarkusTest
@TestProfile(HouseGlossaryProfile.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TranslationGlossaryTest {

    /** «خلوصى اكار» (ى, no hamza), «وقره باغ» (conjunction attached), «لإقليم قره باغ» (after a prefixed word). */
    static final String ARTICLE = "بحث وزير الدفاع التركي خلوصى اكار مع نظيره الروسي الأوضاع في أرمينيا وقره باغ خلال اتصال هاتفي.\n"
            + "وأكد الوزير دعم بلاده لإقليم قره باغ في المرحلة المقبلة.";
    static final String GOOD = "Turkish Defence Minister Hulusi Akar discussed the situation in Armenia and Nagorno-Karabakh "
            + "with his Russian counterpart in a phone call.\n\nThe minister affirmed his country's support for the "
            + "Nagorno-Karabakh region in the coming phase.";
    static final String WITHOUT_NAGORNO = GOOD.replace("Nagorno-Karabakh", "Karabakh");

    @InjectFakeLlm
    WireMockServer llm;

    @BeforeEach
    void reset() {
        llm.resetAll();
    }

    private String userMessage() {
        return FakeLlm.chatRequests(llm).get(0).at("/messages/1/content").asText();
    }

    @Test
    void entriesFoundThroughPrefixesAndVariantsReachThePromptAndTheProvenance() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(GOOD)));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("translation", equalTo(GOOD))
                .body("provenance.prompts.translate", equalTo("v4"))
                .body("provenance.glossary", equalTo(List.of(
                        Map.of("arabic", "خلوصي آكار", "english", "Hulusi Akar", "kind", "person"),
                        Map.of("arabic", "قره باغ", "english", "Nagorno-Karabakh", "kind", "place"))))
                .body("provenance.warnings", empty());

        assertThat(userMessage()).contains("""
                House glossary: wherever one of these Arabic names or terms occurs (also with a prefix such as و, ف, ب, ل, ك or ال), write its English rendering exactly as given (spelling, hyphens, capitals); it overrides the spelling rule.
                <glossary>
                - خلوصي آكار → Hulusi Akar (person); Turkish defence minister 2018-2023
                - قره باغ → Nagorno-Karabakh (place)
                </glossary>
                """).doesNotContain("Idlib").doesNotContain("HTS");
    }

    @Test
    void aMissingRenderingIsAWarningNotAFailure() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(WITHOUT_NAGORNO)));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("translation", equalTo(WITHOUT_NAGORNO))
                .body("provenance.warnings", equalTo(List.of("output-missing-names: 'Nagorno-Karabakh' for «قره باغ»")));
    }

    @Test
    void theTranslatedTitleIsSearchedAndCheckedToo() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion("Talks in Idlib\n\nThe talks went on.")));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "وقال الوزير إن المحادثات ستستمر في الأسبوع المقبل بين الطرفين.", "title", "محادثات في إدلب"))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("title", equalTo("Talks in Idlib"))
                .body("provenance.glossary.english", equalTo(List.of("Idlib")))
                .body("provenance.warnings", empty());
        assertThat(userMessage()).contains("- إدلب → Idlib (place)");
    }

    @Test
    void aRequestEntryWinsOverTheHouseEntry() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(WITHOUT_NAGORNO)));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", ARTICLE, "glossary", List.of(
                        Map.of("arabic", "قره باغ", "english", "Karabakh", "kind", "place", "note", "editor's choice"))))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("provenance.glossary.english", equalTo(List.of("Hulusi Akar", "Karabakh")))
                .body("provenance.warnings", empty());

        assertThat(userMessage()).contains("- قره باغ → Karabakh (place); editor's choice").doesNotContain("Nagorno");
    }

    @Test
    void promptVersionOneHasNoGlossarySoNothingIsAppliedOrChecked() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(WITHOUT_NAGORNO)));
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "promptVersion", "v1"))
                .when().post("/v1/translations")
                .then().statusCode(200)
                .body("provenance.prompts.translate", equalTo("v1"))
                .body("provenance.glossary", empty())
                .body("provenance.warnings", empty());
        assertThat(userMessage()).doesNotContain("glossary");
    }

    @Test
    void anInvalidRequestGlossaryIsA400AndNoLlmCall() {
        llm.stubFor(FakeLlm.chat().willReturn(FakeLlm.completion(GOOD)));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Map.of("arabic", "اسم" + i, "english", "Name " + i));
        }
        List<Object[]> cases = List.of(
                new Object[] { List.of(Map.of("arabic", "قره باغ", "english", "  ")), "entry 1: blank 'english'" },
                new Object[] { List.of(Map.of("arabic", "إدلب", "english", "Idlib"), Map.of("english", "Aleppo")), "entry 2: blank 'arabic'" },
                new Object[] { List.of(Map.of("arabic", "إدلب", "english", "Idlib", "kind", "city")), "entry 1: unknown kind 'city'" },
                new Object[] { List.of(Map.of("arabic", "إدلب", "english", "Idlib"), Map.of("arabic", "ادلب", "english", "Edlib")), "clashes" },
                new Object[] { tooMany, "501 entries; at most 500" });
        for (Object[] c : cases) {
            for (String path : List.of("/v1/translations", "/v1/digests")) {
                given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "glossary", c[0]))
                        .when().post(path)
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:khulasa:problem:invalid-glossary"))
                        .body("code", equalTo("invalid-glossary"))
                        .body("detail", containsString((String) c[1]));
            }
        }
        given().contentType(ContentType.JSON).body(Map.of("text", ARTICLE, "glossary", List.of(Map.of("arabic", "إدلب", "english", "Idlib", "spelling", "x"))))
                .when().post("/v1/translations")
                .then().statusCode(400).body("code", equalTo("unknown-field"));
        assertThat(FakeLlm.chatRequests(llm)).isEmpty();
    }

    @Test
    void aDigestTranslationUsesTheGlossaryAndTheSummaryDoesNot() {
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Summarise the following"))
                .willReturn(FakeLlm.completion("ملخص الخبر.")));
        llm.stubFor(FakeLlm.chat().withRequestBody(containing("Translate this Arabic"))
                .willReturn(FakeLlm.completion(WITHOUT_NAGORNO)));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", ARTICLE, "glossary", List.of(Map.of("arabic", "أرمينيا", "english", "Armenia", "kind", "place"))))
                .when().post("/v1/digests")
                .then().statusCode(200)
                .body("translation", equalTo(WITHOUT_NAGORNO))
                .body("provenance.prompts.translate", equalTo("v4"))
                .body("provenance.glossary.english", equalTo(List.of("Hulusi Akar", "Armenia", "Nagorno-Karabakh")))
                // the fake summary «ملخص الخبر.» says nothing of the article: its own warning (issue 21)
                .body("provenance.warnings", equalTo(List.of("output-missing-names: 'Nagorno-Karabakh' for «قره باغ»",
                        "unsupported-sentence: 1 of 1 sentences (indexes 0)")));

        var requests = FakeLlm.chatRequests(llm);
        assertThat(requests).hasSize(2);
        for (var request : requests) {
            String user = request.at("/messages/1/content").asText();
            if (user.startsWith("Translate this Arabic")) {
                assertThat(user).contains("- أرمينيا → Armenia (place)").contains("- قره باغ → Nagorno-Karabakh (place)");
            } else {
                assertThat(user).doesNotContain("<glossary>");
            }
        }
    }
}
