package io.khulasa.jobs;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a recorded job's articles go to be run: this process ({@link EmbeddedJobQueue}) or Kafka ({@link KafkaJobQueue}). */
public interface JobQueue {

    /**
     * Hands over the articles of a recorded job. Returns once they are safely queued: with Kafka, once the broker
     * acknowledged every one.
     *
     * @param articles the articles, in the job's order (their ids are {@code job.articleIds()})
     * @throws io.khulasa.problems.ProblemException 503 {@code jobs-unavailable} when they could not be queued
     */
    void submit(JobRecord job, List<JsonNode> articles, String requestId);
}
