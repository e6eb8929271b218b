package io.khulasa.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Jobs in Redis, shared by every replica. One hash per job, {@code khulasa:job:<id>}: {@code meta} (the
 * {@link JobRecord} as JSON), {@code cancelled}, {@code s:<article id>} ({@code running} or {@code cancelled}) and
 * {@code r:<article id>} (the outcome). Each change is one Lua script, so a claim, an outcome and a cancellation never
 * interleave, and each change sets the hash's expiry to {@code khulasa.jobs.ttl} from now.
 * <p>
 * Redis slow or down is an error here (unlike the result cache): a job cannot be accepted or followed without its
 * state. The caller decides: {@code POST /v1/jobs} answers 503, a worker pauses and tries again.
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

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private final Duration ttl;
    private final ObjectMapper json;

    public RedisJobStore(String url, Duration timeout, Duration ttl, ObjectMapper json) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        this.ttl = ttl;
        this.json = json;
    }

    /** Connects on first use (a Redis down at start-up fails calls, not the start); Lettuce reconnects after that. */
    private RedisCommands<String, String> redis() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            synchronized (this) {
                c = connection;
                if (c == null) {
                    c = connection = client.connect();
                }
            }
        }
        return c.sync();
    }

    private String ttlMillis() {
        return Long.toString(ttl.toMillis());
    }

    @Override
    public void create(JobRecord job) {
        try {
            redis().eval(CREATE, ScriptOutputType.INTEGER, new String[] { PREFIX + job.id() }, json.writeValueAsString(job),
                    ttlMillis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job record is always JSON", e);
        }
    }

    @Override
    public Optional<JobSnapshot> find(String jobId) {
        Map<String, String> hash = redis().hgetall(PREFIX + jobId);
        if (hash == null || !hash.containsKey("meta")) {
            return Optional.empty();
        }
        Long pttl = redis().pttl(PREFIX + jobId);
        return Optional.of(snapshot(hash, pttl == null || pttl < 0 ? ttl.toMillis() : pttl));
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
        String answer = redis().eval(CLAIM, ScriptOutputType.VALUE, new String[] { PREFIX + jobId }, articleId, ttlMillis());
        return Claim.valueOf(answer.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public void record(String jobId, String articleId, String resultJson) {
        redis().eval(RECORD, ScriptOutputType.INTEGER, new String[] { PREFIX + jobId }, articleId, resultJson, ttlMillis());
    }

    @Override
    public Optional<JobSnapshot> cancel(String jobId) {
        Long done = redis().eval(CANCEL, ScriptOutputType.INTEGER, new String[] { PREFIX + jobId }, ttlMillis());
        return done != null && done == 1 ? find(jobId) : Optional.empty();
    }

    @Override
    public void delete(String jobId) {
        redis().del(PREFIX + jobId);
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Closes the connection (at shutdown). */
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
