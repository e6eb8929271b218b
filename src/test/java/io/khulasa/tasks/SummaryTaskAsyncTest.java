package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.langchain4j.model.chat.request.ChatRequest;
import io.khulasa.llm.LlmException;
import io.khulasa.llm.LlmHttpException;
import io.khulasa.testing.ScriptedModel;
import io.khulasa.testing.ScriptedModel.Reply;

/**
 * {@link PlannedTask#runAsync} against {@link PlannedTask#run}, scenario by scenario: the non-blocking path (the
 * first call made without a virtual thread, what may block handed to one) must give the same result, or the same
 * failure, after the same calls to the model.
 */
class SummaryTaskAsyncTest {

    private static final String GOOD = SummaryTaskTest.ARABIC_SUMMARY;

    /** A script per scenario; each run gets a fresh one (scripts count their calls). */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("answered at once", false, (ScriptFactory) () -> r -> Reply.text(GOOD)),
                Arguments.of("server errors, then an answer", false, (ScriptFactory) () -> failing(2,
                        n -> Reply.failing(new LlmHttpException(502, "{\"error\":{\"message\":\"busy\"}}", null)))),
                Arguments.of("an answer in the wrong language, then the reprompt's", false, (ScriptFactory) () -> failing(1,
                        n -> Reply.text("The defence ministers discussed peace and stability in Syria at length."))),
                Arguments.of("wrong language twice", false, (ScriptFactory) () -> failing(9,
                        n -> Reply.text("The defence ministers discussed peace and stability in Syria at length."))),
                Arguments.of("a cut answer", false, (ScriptFactory) () -> r -> Reply.cut("بحث وزيرا")),
                Arguments.of("the LLM down, the extractive summary allowed", true, (ScriptFactory) () -> r -> Reply.failing(
                        new LlmException(LlmException.Kind.UNREACHABLE, "down"))),
                Arguments.of("the LLM down", false, (ScriptFactory) () -> r -> Reply.failing(
                        new LlmException(LlmException.Kind.UNREACHABLE, "down"))),
                Arguments.of("the prompt over the server's window once", false, (ScriptFactory) () -> failing(1,
                        n -> Reply.failing(new LlmException(LlmException.Kind.CONTEXT_EXCEEDED, "over the window")))));
    }

    @FunctionalInterface
    interface ScriptFactory {
        Function<ChatRequest, Reply> script();
    }

    /** {@code bad} for the first {@code times} calls, then a good answer. */
    private static Function<ChatRequest, Reply> failing(int times, Function<Integer, Reply> bad) {
        AtomicInteger calls = new AtomicInteger();
        return r -> {
            int n = calls.incrementAndGet();
            return n <= times ? bad.apply(n) : Reply.text(GOOD);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theNonBlockingPathGivesWhatTheBlockingOneGives(String scenario, boolean allowExtractive, ScriptFactory script) {
        SummaryOptions options = new SummaryOptions(null, null, null, allowExtractive);
        Outcome blocking = run(script, options, false);
        Outcome async = run(script, options, true);
        assertThat(async).as(scenario).isEqualTo(blocking);
    }

    /** What a run gave: the text and each call's engine, warnings and LLM calls; or the failure's class and code. */
    record Outcome(String text, List<String> calls, String failure, List<String> requests) {
    }

    private static Outcome run(ScriptFactory script, SummaryOptions options, boolean async) {
        TaskKit kit = new TaskKit();
        try {
            kit.model.answering(script.script());
            SummaryTask.Plan plan = kit.summaries.plan(SummaryTaskTest.article("taif-post-karabakh.cleaned.txt"),
                    options, false);
            TaskResult result;
            try {
                result = async ? kit.summaries.runAsync(plan).toCompletableFuture().get(30, TimeUnit.SECONDS)
                        : kit.summaries.run(plan);
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                return new Outcome(null, List.of(), describe(cause), requests(kit.model));
            } catch (RuntimeException e) {
                return new Outcome(null, List.of(), describe(e), requests(kit.model));
            }
            return new Outcome(result.text(), result.calls().stream().map(c -> c.engine() + " " + c.warnings() + " "
                    + (c.llm() == null ? 0 : c.llm().attempts())).toList(), null, requests(kit.model));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            kit.close();
        }
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure instanceof LlmException l ? " " + l.kind() : "")
                + (failure instanceof io.khulasa.guards.OutputRejectedException o ? " " + o.code() : "");
    }

    /** The user messages the model was sent, in order (a reprompt's last one included). */
    private static List<String> requests(ScriptedModel model) {
        return model.requests().stream().map(r -> ScriptedModel.user(r).length() + ":" + ScriptedModel.isReprompt(r))
                .toList();
    }
}
