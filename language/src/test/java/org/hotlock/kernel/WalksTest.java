package org.hotlock.kernel;

import org.graalvm.polyglot.Context;
import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search walks the guest stack only for what is new (a report's first occurrence, a site a
 * thread reaches first, a deadlock's replay), never at every step or every recurring finding:
 * in compiled code one walk costs more than the rest of a step (BENCHMARKS.md, The JIT).
 */
class WalksTest {

    @Test
    void exploringMerged420WritersWalksTheStackAFewTimesNotOncePerExecution() {
        // merged 4.20's probe releases a lock it does not hold and takes locks in both orders
        // with two writers: the same findings recur in execution after execution. The walks
        // are for what the first executions meet; the hundreds after them add almost none.
        String script = Scripts.kWriters("4.20", 2);
        long[] first = explore(script, 100);
        long[] all = explore(script, 1_000_000);
        assertTrue(all[0] > 400, "the search is long enough to tell: " + all[0]);
        long later = all[1] - first[1];
        assertTrue(later < (all[0] - first[0]) / 20, later + " stack walks in the " + (all[0] - first[0])
                + " executions after the first 100 (" + first[1] + " in those)");
    }

    @Test
    void threeThreadsOnMerged420WalkTheStackAFewTimesNotOncePerExecution() throws java.io.IOException {
        // a probe, an online and an offline: sites in functions called from several places keep
        // a stack per operation and locks held, which must be the same key in every execution
        String script = java.nio.file.Files.readString(java.nio.file.Path.of("..", "bench", "three-threads-4.20.hlk"))
                + "explore { probe, admin, shrink }\n";
        long[] first = explore(script, 100, false);
        long[] more = explore(script, 1_000_000, false);
        assertTrue(more[0] > 300, "the search is long enough to tell: " + more[0]);
        long later = more[1] - first[1];
        assertTrue(later < (more[0] - first[0]) / 20, later + " stack walks in the " + (more[0] - first[0])
                + " executions after the first 100 (" + first[1] + " in those)");
    }

    /** Explores with at most so many executions; returns how many ran and how many stack walks they made. */
    private static long[] explore(String script, long maxExecutions) {
        return explore(script, maxExecutions, true);
    }

    private static long[] explore(String script, long maxExecutions, boolean mergedWriters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("hotlock").out(out).err(out).option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.PctFirst", "0").option("hotlock.Workers", "1")
                .option("hotlock.MaxExecutions", Long.toString(maxExecutions)).build()) {
            long before = KernelReports.walks();
            c.eval("hotlock", script);
            long walks = KernelReports.walks() - before;
            String report = out.toString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(\\d+) executions").matcher(report);
            assertTrue(m.find(), report);
            assertTrue(!mergedWriters || report.contains("[bad_unlock]") && report.contains("[cycle]"), report);
            return new long[]{Long.parseLong(m.group(1)), walks};
        }
    }
}
