package org.hotlock.fuzz;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile embedding (issue 17): generated inputs ({@link FuzzInputs}) evaluated in contexts
 * built as spec/embedding.md builds a sandboxed one ({@code SandboxPolicy.CONSTRAINED}, output
 * redirected), some followed by a snippet that never ends on its own (an endless loop, a loop
 * over a huge range, a growing list, a print flood, endless recursion, an exploration); another
 * thread calls {@code close(true)} after a short delay. The property: every {@code close(true)}
 * returns within {@value #CLOSE_BOUND_MS} ms (spec/embedding.md: "cancels promptly"), the
 * evaluating thread ends, and it sees nothing but a {@code PolyglotException} that is a guest
 * error, a syntax error, a limit or the cancellation: never an internal error or a host
 * exception. Inputs and delays come from a seeded generator, so a run is the same inputs each
 * time: {@code -Dhotlock.embedfuzz.inputs=N -Dhotlock.embedfuzz.seed=S} (150 in the suite); the
 * corpus of src/test/resources/fuzz-corpus runs too.
 */
class EmbeddingFuzzTest {
    /** The bound issue 17 sets for close(true). */
    static final long CLOSE_BOUND_MS = 1000;
    private static final List<String> ENDLESS = List.of("while (true) { }", "for i in 0..9223372036854775807 { }",
            "var grow = []\nwhile (true) { append(grow, \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\") }", "while (true) { print(\"flood\") }",
            "fn r(n) { return r(n + 1) }\nr(0)", "var s = \"x\"\nwhile (true) { s = s + s }",
            """
            kernel "4.19"
            machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
            sysfs.write("/sys/devices/system/memory/probe", 0x108000000)
            sysfs.write("/sys/devices/system/memory/probe", 0x110000000)
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread w1 { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
            thread w2 { sysfs.write("/sys/devices/system/memory/memory34/online", "1") }
            thread w3 { sysfs.write("/sys/devices/system/memory/memory33/online", "0") }
            explore { probe, w1, w2, w3 }
            """,
            """
            kernel "4.20"
            machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
            set_pfn_range_zone(0, 9223372036854775807, null)
            """);

    private static Engine engine;
    private static ExecutorService evaluator;

    @BeforeAll
    static void setUp() {
        // one engine, as the facade's sessions share one: its contexts start fast enough for a million inputs
        engine = Engine.newBuilder("hotlock").sandbox(SandboxPolicy.CONSTRAINED).out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream()).option("engine.WarnInterpreterOnly", "false").build();
        evaluator = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "embedding-fuzz-eval");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void tearDown() {
        evaluator.shutdownNow();
        engine.close(true);
    }

    private long longestCloseNanos;
    private int cancelledWhileRunning;

    @Test
    void everyCloseFromAnotherThreadEndsTheContextWithinASecond() throws Exception {
        int inputs = Integer.getInteger("hotlock.embedfuzz.inputs", 150);
        long seed = Long.getLong("hotlock.embedfuzz.seed", 20261129L);
        // to run a failing input again without those before it: -Dhotlock.embedfuzz.from=N
        int from = Integer.getInteger("hotlock.embedfuzz.from", 0);
        Random random = new Random(seed);
        long start = System.nanoTime();
        for (int i = 0; i < inputs; i++) {
            String input = i % 2 == 0 ? FuzzInputs.text(random) : FuzzInputs.mutated(random);
            String endless = random.nextBoolean() ? ENDLESS.get(random.nextInt(ENDLESS.size())) : null;
            long delayMicros = random.nextInt(20_000);
            if (i >= from) {
                check(input, endless, delayMicros, "seed " + seed + ", input " + i);
            }
        }
        System.out.printf("embedding fuzz: seed %d, %d inputs, %d contexts cancelled while evaluating, longest close(true) %.1f ms, %.1f s%n",
                seed, inputs, cancelledWhileRunning, longestCloseNanos / 1e6, (System.nanoTime() - start) / 1e9);
    }

    /** Every input that ever failed a fuzzer, each closed while it runs and after it ended. */
    @Test
    void everyInputOfTheCorpusIsCancelledPromptly() throws Exception {
        List<Path> cases;
        try (Stream<Path> files = Files.list(FuzzTest.REGRESSIONS)) {
            cases = files.filter(p -> p.toString().endsWith(".hlk")).sorted().toList();
        }
        assertTrue(!cases.isEmpty(), "the corpus has inputs");
        for (Path p : cases) {
            for (long delayMicros : new long[]{0, 5_000, 50_000}) {
                check(Files.readString(p), ENDLESS.getFirst(), delayMicros, p.getFileName() + " (closed after " + delayMicros + " µs)");
            }
        }
    }

    /**
     * Evaluates the input (then the endless snippet, if any) on the evaluator thread; closes
     * the context from this one after the delay and measures how long close(true) takes.
     */
    private void check(String input, String endless, long delayMicros, String name) throws InterruptedException, IOException {
        Context context = Context.newBuilder("hotlock").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
        AtomicBoolean closing = new AtomicBoolean();
        AtomicBoolean evaluating = new AtomicBoolean();
        Future<Throwable> evaluation = evaluator.submit(() -> {
            evaluating.set(true);
            try {
                // the endless snippet runs whatever the input did: most inputs end in an error at once
                Throwable first = evaluate(context, input, "fuzz.hlk", closing);
                return first != null || endless == null ? first : evaluate(context, endless, "endless.hlk", closing);
            } finally {
                evaluating.set(false);
            }
        });
        LockSupport.parkNanos(delayMicros * 1000);
        closing.set(true);
        boolean running = evaluating.get();
        long gcBefore = collectionMillis();
        long t0 = System.nanoTime();
        try {
            context.close(true);
        } catch (PolyglotException e) {
            if (e.isInternalError() || e.isHostException()) {
                fail(name + ": close(true) threw " + e + "\n" + corpusForm(input, endless), e);
            }
        }
        long took = System.nanoTime() - t0;
        long collecting = collectionMillis() - gcBefore;
        longestCloseNanos = Math.max(longestCloseNanos, took);
        if (running) {
            cancelledWhileRunning++;
        }
        assertTrue(took <= TimeUnit.MILLISECONDS.toNanos(CLOSE_BOUND_MS),
                () -> name + ": close(true) took " + took / 1_000_000 + " ms, more than " + CLOSE_BOUND_MS + " (the JVM's collectors ran "
                        + collecting + " ms meanwhile)\n" + corpusForm(input, endless));
        Throwable seen;
        try {
            seen = evaluation.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail(name + ": the evaluating thread still runs 5 s after close(true) returned\n" + corpusForm(input, endless));
            return;
        } catch (ExecutionException e) {
            seen = e.getCause();
        }
        if (seen != null) {
            fail(name + ": the host saw " + seen + "\n" + corpusForm(input, endless), seen);
        }
    }

    /** How long the JVM's garbage collectors have run so far, in ms: a slow close names its share. */
    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** What the host saw that it should not have: null for a value or a guest error, a limit, the cancellation. */
    private static Throwable evaluate(Context context, String text, String name, AtomicBoolean closing) {
        try {
            context.eval(Source.newBuilder("hotlock", text, name).cached(false).buildLiteral());
            return null;
        } catch (PolyglotException e) {
            return e.isInternalError() || e.isHostException() ? e : null;
        } catch (IllegalStateException e) {
            // the context was closed before this eval began: the polyglot API's answer, not HotLock's
            return closing.get() ? null : e;
        } catch (Throwable t) {
            return t;
        }
    }

    /** The failing input as a file for src/test/resources/fuzz-corpus (the endless snippet appended). */
    private static String corpusForm(String input, String endless) {
        return "--- as a corpus file (src/test/resources/fuzz-corpus/case-NAME.hlk):\n" + input + (endless == null ? "" : "\n" + endless)
                + "\n---";
    }
}
