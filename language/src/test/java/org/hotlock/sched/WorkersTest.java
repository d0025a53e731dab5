package org.hotlock.sched;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exploration with workers ({@code hotlock.Workers}) explores subtrees in parallel and
 * reports exactly what one search reports: the same executions, the same failure at the same
 * execution, the same findings with the same reports and counts, in the same order. The
 * workers are made to be ready before the search hands anything over
 * ({@code hotlock.WorkersAfter} below 0), so that subtrees are handed over in every test that
 * has some, and the tests check that some were.
 */
class WorkersTest {
    private static final Pattern PARALLEL = Pattern.compile(" \\((\\d+) in subtrees explored in parallel, \\d+ workers\\)|, (\\d+) in subtrees explored in parallel, \\d+ workers");
    private static final Pattern SECONDS = Pattern.compile(", [0-9.]+ s$", Pattern.MULTILINE);

    /** What an exploration printed, and how many executions were in subtrees explored in parallel. */
    private record Run(String printed, long parallel) {
        /** The report without what may differ: the time, and the note on parallel subtrees. */
        String report() {
            return SECONDS.matcher(PARALLEL.matcher(printed).replaceAll("")).replaceAll("");
        }
    }

    private static Run run(String script, int workers, boolean threadsAllowed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context context = Context.newBuilder("hotlock").out(out).err(out)
                .allowCreateThread(threadsAllowed)
                .option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.Workers", Integer.toString(workers))
                .option("hotlock.WorkersAfter", "-1")
                .option("hotlock.PctFirst", "0")
                .option("hotlock.TraceFile", "")
                .build()) {
            try {
                context.eval("hotlock", script);
            } catch (PolyglotException e) {
                assertTrue(e.isGuestException(), () -> "internal error: " + e);
                out.writeBytes(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        long parallel = 0;
        Matcher m = PARALLEL.matcher(printed);
        while (m.find()) {
            parallel += Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return new Run(printed, parallel);
    }

    /** The two reports are the same; where they are not, the first lines that differ, in context. */
    private static void assertSameReport(Run one, Run two, String what) {
        String[] a = one.report().split("\n", -1);
        String[] b = two.report().split("\n", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        if (i == a.length && i == b.length) {
            return;
        }
        int from = Math.max(0, i - 3);
        String first = String.join("\n", java.util.Arrays.copyOfRange(a, from, Math.min(a.length, i + 6)));
        String second = String.join("\n", java.util.Arrays.copyOfRange(b, from, Math.min(b.length, i + 6)));
        throw new AssertionError("the reports differ from line " + (i + 1) + (what.isEmpty() ? "" : " of\n" + what) + "\n--- one search:\n" + first
                + "\n--- with workers:\n" + second + "\n--- whole report with workers:\n" + two.printed());
    }

    private static long executions(String printed) {
        Matcher m = Pattern.compile(": threads [^\\n]*?, (\\d+) executions").matcher(printed);
        assertTrue(m.find(), () -> "no summary in:\n" + printed);
        return Long.parseLong(m.group(1));
    }

    @Test
    void aCleanSearchIsTheSameWithWorkers() {
        String script = Scripts.kWriters("4.20-fixed", 3);
        Run one = run(script, 1, true);
        Run two = run(script, 2, true);
        // the 4! traces, and five executions cut short where a reversed race only made a trylock
        // fail and restart (a restarting failure races with the acquire it failed against)
        assertEquals(29, executions(one.printed()), one.printed());
        assertTrue(two.parallel() > 0, () -> "no subtree was explored in parallel:\n" + two.printed());
        assertTrue(two.parallel() < executions(two.printed()), two.printed());
        assertSameReport(one, two, "");
        assertTrue(one.printed().contains("every schedule explored"), one.printed());
    }

    @Test
    void aFailureIsFoundInTheSameExecutionWithWorkers() {
        // 4.19: the lost update; the search fails where one search fails
        String script = Scripts.kWriters("4.19", 2);
        Run one = run(script, 1, true);
        Run two = run(script, 3, true);

        assertTrue(one.printed().contains("result: FAILED in execution"), one.printed());
        assertSameReport(one, two, "");
    }

    @Test
    void manyFindingsAreReportedAlikeWithWorkers() {
        // merged 4.20 (the probe unlock bug): bad unlocks and cycles, with their first stacks
        // and how often each recurred, over hundreds of executions
        String script = Scripts.kWriters("4.20", 2);
        Run one = run(script, 1, true);
        Run two = run(script, 2, true);
        assertTrue(one.printed().contains("[bad_unlock]") && one.printed().contains("[cycle]"), one.printed());
        assertSameReport(one, two, "");
        assertTrue(two.parallel() > 0, () -> "no subtree was explored in parallel:\n" + two.printed());
    }

    @Test
    void generatedScenariosReportTheSameWithWorkers() {
        Random random = new Random(29);
        int compared = 0;
        int parallel = 0;
        for (int c = 0; c < 12; c++) {
            int n = 2 + random.nextInt(2);
            StringBuilder threads = new StringBuilder();
            List<String> names = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                names.add("t" + t);
                threads.append("thread t").append(t).append(" { ").append(OptimalityTest.body(random, 1 + random.nextInt(3))).append("}\n");
            }
            String script = OptimalityTest.MACHINE + threads + "explore { " + String.join(", ", names) + " }\n";
            Run one = run(script, 1, true);
            Run two = run(script, 2, true);
            assertSameReport(one, two, script);
            compared++;
            parallel += two.parallel() > 0 ? 1 : 0;
        }
        assertEquals(12, compared);
        assertTrue(parallel > 0, "no generated scenario had a subtree explored in parallel");
    }

    @Test
    void withoutThreadsTheSearchSaysSoAndExploresAlone() {
        String script = Scripts.kWriters("4.20-fixed", 2);
        Run alone = run(script, 1, true);
        Run refused = run(script, 2, false);
        assertEquals(0, refused.parallel());
        assertTrue(refused.printed().contains("may not create threads"), refused.printed());
        assertEquals(alone.report(), refused.report().replaceAll("hotlock: explore --workers 2: [^\\n]*\\n", ""));
        assertFalse(alone.printed().contains("may not create threads"));
    }
}
