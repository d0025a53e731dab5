package org.hotlock.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated inputs ({@link FuzzInputs}) against the parser and the interpreter. The property: every input ends in
 * a value or a HotLock error a person can act on (a syntax error or a guest error, located,
 * or a limit), never an internal Java exception, a hang or a crash. Inputs are random text
 * and the project's own scenarios mutated: truncated, cut, duplicated, lines swapped, tokens
 * inserted, literals made huge, expressions nested deep. Every input that ever failed is kept
 * in src/test/resources/fuzz-corpus and runs every time (EmbeddingFuzzTest runs them too).
 *
 * The inputs come from a seeded generator, so a run is reproducible from its seed:
 * {@code -Dhotlock.fuzz.inputs=N -Dhotlock.fuzz.seed=S}. Long run:
 * {@code mvn -pl language test -Dtest=FuzzTest -Dhotlock.fuzz.inputs=1000000}.
 */
class FuzzTest {
    static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-corpus");
    private static Context context;
    private static ScheduledExecutorService watchdog;

    /** A context per 50 inputs: fresh enough that inputs do not pile up, cheap enough for a million. */
    private static int used;

    private static Context context() {
        if (context == null || ++used % 50 == 0) {
            if (context != null) {
                close(context);
            }
            context = Context.newBuilder("hotlock").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                    .option("engine.WarnInterpreterOnly", "false").option("hotlock.MaxExecutions", "200")
                    .option("hotlock.MaxSteps", "5000")
                    .resourceLimits(ResourceLimits.newBuilder().statementLimit(300_000, null).build()).build();
        }
        return context;
    }

    private static void close(Context c) {
        try {
            c.close(true);
        } catch (PolyglotException e) {
            // a context a limit cancelled says so again when closed
        }
    }

    private static long checked;
    private static long errors;

    @AfterAll
    static void tearDown() {
        System.out.println("fuzz: " + checked + " inputs checked, " + errors + " ended in a HotLock error or limit, 0 internal errors");
        if (context != null) {
            close(context);
            context = null;
        }
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }

    /** Runs one input; throws an AssertionError naming the input when the property breaks. */
    static void check(String input) {
        if (watchdog == null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fuzz-watchdog");
                t.setDaemon(true);
                return t;
            });
        }
        Context c = context();
        checked++;
        boolean[] hung = {false};
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            hung[0] = true;
            c.interrupt(Duration.ZERO);
            return null;
        }, 20, TimeUnit.SECONDS);
        try {
            c.eval(Source.newBuilder("hotlock", input, "fuzz.hlk").cached(false).buildLiteral());
        } catch (PolyglotException e) {
            errors++;
            if (e.isInternalError() || e.isHostException()) {
                keep(input);
                fail("internal error on input (kept as a regression case):\n" + input + "\n--> " + e, e);
            }
            if (hung[0]) {
                keep(input);
                fail("input ran for 20 s (kept as a regression case):\n" + input);
            }
            if (e.isResourceExhausted() || e.isCancelled() || e.isInterrupted()) {
                // a limit: the statement limit cancels the context, the next input gets a fresh one
                context = null;
            } else {
                assertTrue(e.isGuestException(), () -> "not a guest error: " + e);
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an error says what is wrong");
                if (e.isSyntaxError()) {
                    assertTrue(e.getSourceLocation() != null, () -> "a syntax error is located: " + e.getMessage());
                }
            }
        } catch (Exception | StackOverflowError e) {
            keep(input);
            fail("the host saw " + e + " on input (kept):\n" + input, e);
        } finally {
            timer.cancel(false);
        }
    }

    private static synchronized void keep(String input) {
        try {
            Files.createDirectories(REGRESSIONS);
            Files.writeString(REGRESSIONS.resolve("case-" + Integer.toHexString(input.hashCode()) + ".hlk"), input, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Half random text, half mutated scenarios, from one seeded generator. */
    @Test
    void everyInputEndsInAValueOrAnError() {
        int inputs = Integer.getInteger("hotlock.fuzz.inputs", 800);
        long seed = Long.getLong("hotlock.fuzz.seed", 20261125L);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < inputs; i++) {
            check(i % 2 == 0 ? FuzzInputs.text(random) : FuzzInputs.mutated(random));
        }
        System.out.println("fuzz: seed " + seed);
    }

    /** Every input that ever failed the property, as a regression case. */
    @TestFactory
    Stream<DynamicTest> regressions() throws IOException {
        if (!Files.isDirectory(REGRESSIONS)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(REGRESSIONS)) {
            List<Path> cases = files.filter(p -> p.toString().endsWith(".hlk")).sorted().toList();
            return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(Files.readString(p))));
        }
    }
}
