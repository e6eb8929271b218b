package io.khulasa.jobs;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.ArticleListRules;
import io.khulasa.config.KafkaConfig;
import io.khulasa.problems.Problem;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;
import io.khulasa.problems.Problems;
import io.quarkus.logging.Log;

/**
 * Accepts, shows and cancels jobs. A job is checked as a batch is ({@link ArticleListRules}: a list of articles, each
 * with an {@code id} unique in the job, at most {@code khulasa.jobs.max-articles}), recorded, then handed to the queue: Kafka when enabled, else
 * this process. A job is visible only to its owner; to anyone else it is an {@code unknown-job}, as an expired one.
 */
@ApplicationScoped
public class JobService {

    private final JobStore store;
    private final JobQueue queue;
    private final ArticleListRules rules;
    private final ObjectMapper json;

    public JobService(JobStore store, ArticleListRules rules, KafkaConfig kafka, Instance<KafkaJobQueue> kafkaQueue,
            Instance<EmbeddedJobQueue> embeddedQueue, ObjectMapper json) {
        this.store = store;
        this.rules = rules;
        this.json = json;
        // Instance: the queue not chosen is never created (the Kafka one would need the enabled channels).
        this.queue = kafka.enabled() ? kafkaQueue.get() : embeddedQueue.get();
        Log.infof("Jobs run %s; job state %s", kafka.enabled() ? "through Kafka (any replica of group khulasa)"
                : "in this process", store.shared() ? "in Redis" : "in memory");
    }

    /** Checks, records and queues a job; answers it as accepted (all articles pending). */
    public JobView submit(String owner, JobRequest request, String requestId) {
        List<String> ids = check(request);
        JobRecord job = new JobRecord(UUID.randomUUID().toString(), owner, request.task(), Instant.now(), ids);
        try {
            store.create(job);
        } catch (RuntimeException e) {
            Log.warnf("Job store unavailable (%s): job refused", e.getClass().getSimpleName());
            throw unavailable();
        }
        try {
            queue.submit(job, request.articles(), requestId);
        } catch (RuntimeException e) {
            safeDelete(job.id());
            throw e;
        }
        Log.infof("Job %s accepted: %s of %d articles", job.id(), job.task().json(), ids.size());
        return view(find(job.id()).orElseThrow(JobService::unavailable));
    }

    /** The owner's job, or 404 {@code unknown-job}. */
    public JobView get(String owner, String jobId) {
        return view(owned(owner, find(jobId), jobId));
    }

    /** Cancels the owner's job (articles not started yet), or 404 {@code unknown-job}. */
    public JobView cancel(String owner, String jobId) {
        owned(owner, find(jobId), jobId);
        Optional<JobSnapshot> cancelled;
        try {
            cancelled = store.cancel(jobId);
        } catch (RuntimeException e) {
            throw unavailable();
        }
        Log.infof("Job %s cancelled", jobId);
        return view(owned(owner, cancelled, jobId));
    }

    private Optional<JobSnapshot> find(String jobId) {
        try {
            return store.find(jobId);
        } catch (RuntimeException e) {
            Log.warnf("Job store unavailable (%s)", e.getClass().getSimpleName());
            throw unavailable();
        }
    }

    private static JobSnapshot owned(String owner, Optional<JobSnapshot> job, String jobId) {
        return job.filter(j -> j.job().owner().equals(owner)).orElseThrow(() -> new ProblemException(ProblemType.UNKNOWN_JOB, "No job '" + jobId + "': it does not exist, has expired, or belongs to another API key",
                Map.of("jobId", jobId)));
    }

    private void safeDelete(String jobId) {
        try {
            store.delete(jobId);
        } catch (RuntimeException e) {
            Log.warnf("Job %s could not be deleted after its failed submission (%s); it expires on its own", jobId,
                    e.getClass().getSimpleName());
        }
    }

    /** The job's article ids; the list is checked as a batch's is ({@link ArticleListRules}), and a job names its task. */
    private List<String> check(JobRequest request) {
        List<JsonNode> articles = request == null ? null : request.articles();
        if (articles != null && request.task() == null) {
            throw new ProblemException(ProblemType.MISSING_TASK, "Send 'task': summary, translation or digest");
        }
        return rules.check(ArticleListRules.Kind.JOB, articles, JobService::idOf);
    }

    /** The article's id: a string member {@code id} of an object, else none. */
    private static String idOf(JsonNode article) {
        JsonNode id = article.isObject() ? article.get("id") : null;
        return id != null && id.isTextual() ? id.asText() : null;
    }

    private JobView view(JobSnapshot s) {
        List<JsonNode> results = new ArrayList<>();
        int succeeded = 0;
        int failed = 0;
        int cancelled = 0;
        for (String id : s.job().articleIds()) {
            String stored = s.results().get(id);
            if (stored != null) {
                JsonNode result = read(stored);
                results.add(result);
                if (result.has("problem")) {
                    failed++;
                } else {
                    succeeded++;
                }
            } else if (s.cancelledArticles().contains(id)) {
                cancelled++;
                results.add(json.valueToTree(Map.of("id", id, "status", 409, "problem", cancelledProblem(s.job().id()))));
            }
        }
        int pending = s.job().articleIds().size() - succeeded - failed - cancelled;
        JobStatus status = s.cancelled() ? JobStatus.CANCELLED
                : pending == 0 ? JobStatus.DONE
                : succeeded + failed > 0 || !s.running().isEmpty() ? JobStatus.RUNNING : JobStatus.QUEUED;
        return new JobView(s.job().id(), s.job().task(), status, new JobCounts(succeeded, failed, pending, cancelled),
                results, s.job().createdAt(), s.expiresAt());
    }

    private static Problem cancelledProblem(String jobId) {
        return Problems.of(new ProblemException(ProblemType.JOB_CANCELLED, "The job was cancelled before this article started", Map.of("jobId", jobId)));
    }

    private JsonNode read(String stored) {
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable job result", e);
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.JOBS_UNAVAILABLE, "The job store cannot be reached; try again later");
    }
}
