package io.khulasa.jobs;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Test helpers for {@code /v1/jobs}. */
final class Jobs {

    private Jobs() {
    }

    static Map<String, Object> job(String task, List<?> articles) {
        return Map.of("task", task, "articles", articles);
    }

    /** Polls the job until it is done or cancelled with nothing pending. */
    static JsonPath awaitDone(RequestSpecification as, String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath job;
        do {
            job = as.when().get("/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
            if (job.getInt("counts.pending") == 0) {
                return job;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + id + " not done after " + timeout + ": " + job.prettify());
    }

    static RequestSpecification anonymous() {
        return given().contentType("application/json");
    }
}
