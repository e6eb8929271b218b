package io.khulasa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.khulasa.testing.FakeLlm;
import io.khulasa.testing.HouseGlossaryProfile;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** GET /v1/glossary and POST /v1/glossary/reload against a house glossary file. */
@QuarkusTest
@TestProfile(HouseGlossaryProfile.class)
@WithTestResource(value = FakeLlm.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GlossaryResourceTest {

    @AfterEach
    void restoreTheHouseGlossary() {
        HouseGlossaryProfile.restore();
        given().when().post("/v1/glossary/reload").then().statusCode(200);
    }

    @Test
    void showsTheFileAndItsEntries() {
        given().when().get("/v1/glossary")
                .then().statusCode(200)
                .contentType("application/json")
                .body("file", equalTo(HouseGlossaryProfile.FILE.toString()))
                .body("entryCount", equalTo(4))
                .body("entries.english", hasItems("Nagorno-Karabakh", "Hulusi Akar", "Hayat Tahrir al-Sham (HTS)", "Idlib"))
                .body("entries[0].arabic", equalTo("قره باغ"))
                .body("entries[0].kind", equalTo("place"))
                .body("entries[0].note", nullValue())
                .body("entries[1].note", equalTo("Turkish defence minister 2018-2023"))
                .body("entries[2].kind", equalTo("organisation"))
                .body("entries[2].note", equalTo("first mention in full; \"HTS\" after"));
    }

    @Test
    void reloadReadsTheEditedFile() {
        HouseGlossaryProfile.write(HouseGlossaryProfile.CSV + "حلب,Aleppo,place,\n");
        given().when().get("/v1/glossary").then().body("entryCount", equalTo(4)); // no automatic check in this profile

        given().when().post("/v1/glossary/reload")
                .then().statusCode(200)
                .body("entryCount", equalTo(5))
                .body("entries[4].english", equalTo("Aleppo"));
        given().when().get("/v1/glossary").then().body("entryCount", equalTo(5));
    }

    @Test
    void anInvalidFileIsA422AndTheOldGlossaryStays() {
        HouseGlossaryProfile.write(HouseGlossaryProfile.CSV + "حلب,,place,\n");

        given().when().post("/v1/glossary/reload")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:khulasa:problem:invalid-glossary"))
                .body("code", equalTo("invalid-glossary"))
                .body("status", equalTo(422))
                .body("detail", containsString("line 6"))
                .body("detail", containsString("blank 'english'"))
                .body("entryCount", equalTo(4));
        given().when().get("/v1/glossary")
                .then().statusCode(200)
                .body("entryCount", equalTo(4))
                .body("entries.english", hasItems("Nagorno-Karabakh"));
    }

    @Test
    void theEndpointsAreDocumented() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/glossary'.get.summary", equalTo("Show the house glossary"))
                .body("paths.'/v1/glossary/reload'.post.responses.'422'.'$ref'",
                        equalTo("#/components/responses/InvalidGlossaryFile"))
                .body("components.responses.InvalidGlossaryFile.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }
}
