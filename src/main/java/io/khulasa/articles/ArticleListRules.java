package io.khulasa.articles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.khulasa.config.BatchConfig;
import io.khulasa.config.JobsConfig;
import io.khulasa.problems.ProblemException;
import io.khulasa.problems.ProblemType;

/**
 * The one check of a list of articles, a batch's ({@code POST /v1/<task>/batch}) or a job's ({@code POST /v1/jobs}):
 * a list is given, it is not empty, it is within its limit, and every article has an {@code id} unique in the list.
 * Nothing is run before the whole list passes; the articles themselves are checked one by one when they run, so one
 * bad article is that article's problem, not the list's.
 */
@ApplicationScoped
public class ArticleListRules {

    /** Whose list it is: the words and problem types of its answers differ, the rules do not. */
    public enum Kind {
        BATCH("batch", "Send a JSON object with 'articles': a list of articles, each with an 'id'",
                ProblemType.EMPTY_BATCH, ProblemType.BATCH_TOO_LARGE),
        JOB("job", "Send a JSON object with 'task' and 'articles': a list of articles, each with an 'id'",
                ProblemType.EMPTY_JOB, ProblemType.JOB_TOO_LARGE);

        private final String noun;
        private final String missing;
        private final ProblemType empty;
        private final ProblemType tooLarge;

        Kind(String noun, String missing, ProblemType empty, ProblemType tooLarge) {
            this.noun = noun;
            this.missing = missing;
            this.empty = empty;
            this.tooLarge = tooLarge;
        }
    }

    private final int maxBatchArticles;
    private final int maxJobArticles;

    @Inject
    public ArticleListRules(BatchConfig batch, JobsConfig jobs) {
        this(batch.maxArticles(), jobs.maxArticles());
    }

    ArticleListRules(int maxBatchArticles, int maxJobArticles) {
        this.maxBatchArticles = maxBatchArticles;
        this.maxJobArticles = maxJobArticles;
    }

    /**
     * Checks a list of articles and answers their ids, in order.
     *
     * @param articles the list as sent; null when absent
     * @param idOf     an article's id when it is a non-null string, else null (the article null included)
     * @throws ProblemException 400 {@code missing-articles}, {@code empty-batch}/{@code empty-job}, {@code missing-id},
     *                          {@code duplicate-id}; 413 {@code batch-too-large}/{@code job-too-large}
     */
    public <T> List<String> check(Kind kind, List<T> articles, Function<T, String> idOf) {
        if (articles == null) {
            throw new ProblemException(ProblemType.MISSING_ARTICLES, kind.missing);
        }
        if (articles.isEmpty()) {
            throw new ProblemException(kind.empty, "'articles' is empty");
        }
        int limit = kind == Kind.BATCH ? maxBatchArticles : maxJobArticles;
        if (articles.size() > limit) {
            throw new ProblemException(kind.tooLarge, "The " + kind.noun + " has " + articles.size()
                    + " articles; the limit is " + limit, Map.of("limit", limit, "articles", articles.size()));
        }
        List<String> ids = new ArrayList<>(articles.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < articles.size(); i++) {
            T article = articles.get(i);
            String id = article == null ? null : idOf.apply(article);
            if (id == null || id.isBlank()) {
                throw new ProblemException(ProblemType.MISSING_ID, "articles[" + i + "] has no string 'id'; every "
                        + "article is an object with an id unique in the " + kind.noun, Map.of("index", i));
            }
            if (!seen.add(id)) {
                throw new ProblemException(ProblemType.DUPLICATE_ID, "The id '" + id + "' is used more than once; ids "
                        + "must be unique in the " + kind.noun, Map.of("id", id, "index", i));
            }
            ids.add(id);
        }
        return ids;
    }
}
