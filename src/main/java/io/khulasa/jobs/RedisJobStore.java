package io.khulasa.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Jobs in Redis, shared by every replica. One hash per job, {@code khulasa:job:<id>}: {@code meta} (the
 * {@link JobRecord} as JSON), {@code cancelled}, {@code s:<article id>} ({@code running} or {@code cancelled}) and
 * {@code r:<article id>} (the outcome). Each change is one Lua script, so a claim, an outcome and a cancellation never
 * interleave, and each change sets the hash's expiry to {@code khulasa.jobs.ttl} from now.
 * <p>
 * Redis slow or down is an error here (unlike the result cache): a job cannot be accepted or followed without its
 * state. The caller decides: {@code POST /v1/jobs} answers 503, a worker pauses and tries again.
 * <p>
 * The client is the quarkus-redis-client named client {@code jobs} ({@code quarkus.redis.jobs.*}, set from
 * {@code khulasa.jobs.redis}): its pool connects on first use and again after Redis comes back, so nothing here opens
 * or closes a connection by hand.
 */
public final class RedisJobStore implements JobStore {

    static final String PREFIX = "khulasa:job:";

    private static final String CREATE = """
            redis.call('HSET', KEYS[1], 'meta', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";
    private static final String CLAIM = """
            if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return 'unknown' end
            if redis.call('HEXISTS', KEYS[1], 'r:' .. ARGV[1]) == 1 then return 'done' end
            local s = redis.call('HGET', KEYS[1], 's:' .. ARGV[1])
            if s == 'cancelled' then return 'cancelled' end
            if redis.call('HEXISTS', KEYS[1], 'cancelled') == 1 and s ~= 'running' then
              redis.call('HSET', KEYS[1], 's:' .. ARGV[1], 'cancelled')
              return 'cancelled'
            end
            redis.call('HSET', KEYS[1], 's:' .. ARGV[1], 'running')
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 'claimed'""";
    private static final String RECORD = """
            if redis.call('HEXISTS', KEYS[1], 'meta') == 0 then return 0 end
            redis.call('HSETNX', KEYS[1], 'r:' .. ARGV[1], ARGV[2])
            redis.call('HDEL', KEYS[1], 's:' .. ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""";
    private static final String CANCEL = """
            local meta = redis.call('HGET', KEYS[1], 'meta')
            if not meta then return 0 end
            redis.call('HSET', KEYS[1], 'cancelled', '1')
            for _, id in ipairs(cjson.decode(meta)['articleIds']) do
              if redis.call('HEXISTS', KEYS[1], 'r:' .. id) == 0 and redis.call('HGET', KEYS[1], 's:' .. id) ~= 'running' then
                redis.call('HSET', KEYS[1], 's:' .. id, 'cancelled')
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1""";

    private final Redis redis;
    private final Duration timeout;
    private final Duration ttl;
    private final ObjectMapper json;

    public RedisJobStore(Redis redis, Duration timeout, Duration ttl, ObjectMapper json) {
        this.redis = redis;
        this.timeout = timeout;
        this.ttl = ttl;
        this.json = json;
    }

    /** One command, waited for at most {@code khulasa.jobs.redis-timeout}; Redis slow or down is an exception. */
    Response send(Command command, String... args) {
        Request request = Request.cmd(command);
        for (String arg : args) {
            request.arg(arg);
        }
        try {
            return redis.send(request).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RedisUnavailableException(command + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RedisUnavailableException(command + " took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException(command + " interrupted", e);
        }
    }

    private Response eval(String script, String key, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = script;
        all[1] = "1";
        all[2] = key;
        System.arraycopy(args, 0, all, 3, args.length);
        return send(Command.EVAL, all);
    }

    /** Redis slow, down or refusing a command. */
    static final class RedisUnavailableException extends RuntimeException {
        RedisUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * PING, failing after {@code khulasa.jobs.redis-timeout}: the readiness check. Asynchronous, because health checks
     * run on the event loop, which the Redis client's answers need too.
     */
    java.util.concurrent.CompletableFuture<String> ping() {
        return redis.send(Request.cmd(Command.PING)).toCompletionStage().toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).thenApply(String::valueOf);
    }

    /**
     * Why jobs would not survive a Redis restart, if they would not: {@code appendonly no} and no {@code save} rule
     * (nothing written to disk), or {@code appendonly no} with snapshots only (the changes since the last snapshot are
     * lost). Empty when AOF is on, or when {@code CONFIG GET} is not allowed (many managed Redis services rename it):
     * then nothing can be said.
     */
    Optional<String> persistenceWarning() {
        Optional<String> appendonly = config("appendonly");
        Optional<String> save = config("save");
        if (appendonly.isEmpty() || save.isEmpty() || appendonly.get().equalsIgnoreCase("yes")) {
            return Optional.empty();
        }
        if (save.get().isBlank()) {
            return Optional.of("The job store's Redis has persistence off (appendonly no, save \"\"): jobs and their "
                    + "results will NOT survive a Redis restart (a job becomes 404 unknown-job). Turn on AOF: "
                    + "appendonly yes, appendfsync everysec (see docs/operations.md)");
        }
        return Optional.of("The job store's Redis keeps only RDB snapshots (appendonly no, save \"" + save.get()
                + "\"): job changes since the last snapshot will NOT survive a Redis restart. Turn on AOF: appendonly "
                + "yes, appendfsync everysec (see docs/operations.md)");
    }

    /** A {@code CONFIG GET} value; empty when the command is refused or the parameter unknown. */
    private Optional<String> config(String parameter) {
        Response answer;
        try {
            answer = send(Command.CONFIG, "GET", parameter);
        } catch (RedisUnavailableException refused) {
            return Optional.empty();
        }
        if (answer == null) {
            return Optional.empty();
        }
        if (answer.isMap()) {
            return answer.containsKey(parameter) ? Optional.of(answer.get(parameter).toString()) : Optional.empty(); // RESP3
        }
        return answer.size() >= 2 ? Optional.of(answer.get(1).toString()) : Optional.empty(); // RESP2: name, value
    }

    private String ttlMillis() {
        return Long.toString(ttl.toMillis());
    }

    @Override
    public void create(JobRecord job) {
        try {
            eval(CREATE, PREFIX + job.id(), json.writeValueAsString(job), ttlMillis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job record is always JSON", e);
        }
    }

    @Override
    public Optional<JobSnapshot> find(String jobId) {
        Response all = send(Command.HGETALL, PREFIX + jobId);
        Map<String, String> hash = new HashMap<>();
        if (all != null) {
            // RESP3 answers a map, RESP2 a flat list of field, value, field, value...
            if (all.isMap()) {
                for (String field : all.getKeys()) {
                    hash.put(field, all.get(field).toString());
                }
            } else {
                for (int i = 0; i + 1 < all.size(); i += 2) {
                    hash.put(all.get(i).toString(), all.get(i + 1).toString());
                }
            }
        }
        if (!hash.containsKey("meta")) {
            return Optional.empty();
        }
        Response pttl = send(Command.PTTL, PREFIX + jobId);
        long left = pttl == null ? -1 : pttl.toLong();
        return Optional.of(snapshot(hash, left < 0 ? ttl.toMillis() : left));
    }

    private JobSnapshot snapshot(Map<String, String> hash, long millisLeft) {
        JobRecord job;
        try {
            job = json.readValue(hash.get("meta"), JobRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable job record in Redis", e);
        }
        Set<String> running = new HashSet<>();
        Set<String> cancelled = new HashSet<>();
        Map<String, String> results = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith("r:")) {
                results.put(field.substring(2), value);
            } else if (field.startsWith("s:")) {
                (value.equals("running") ? running : cancelled).add(field.substring(2));
            }
        });
        return new JobSnapshot(job, hash.containsKey("cancelled"), running, cancelled, results,
                Instant.now().plusMillis(millisLeft));
    }

    @Override
    public Claim claim(String jobId, String articleId) {
        String answer = eval(CLAIM, PREFIX + jobId, articleId, ttlMillis()).toString();
        return Claim.valueOf(answer.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public void record(String jobId, String articleId, String resultJson) {
        eval(RECORD, PREFIX + jobId, articleId, resultJson, ttlMillis());
    }

    @Override
    public Optional<JobSnapshot> cancel(String jobId) {
        Response done = eval(CANCEL, PREFIX + jobId, ttlMillis());
        return done != null && done.toLong() == 1 ? find(jobId) : Optional.empty();
    }

    @Override
    public void delete(String jobId) {
        send(Command.DEL, PREFIX + jobId);
    }

    @Override
    public boolean shared() {
        return true;
    }
}
