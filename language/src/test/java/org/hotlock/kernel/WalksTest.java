package org.hotlock.kernel;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void exploringTheMerged420SeedWalksTheStackAFewTimesNotOncePerExecution() throws IOException {
        // 4.20's probe releases a lock it does not hold, takes locks in both orders and races
        // in every execution: the findings recur in every one of its executions
        Path seed = Path.of("..", "examples", "seed", "lost-update-4.20.hlk");
        String script = Files.readString(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("hotlock").out(out).err(out).option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.PctFirst", "0").option("hotlock.Workers", "1").build()) {
            long before = KernelReports.walks();
            c.eval(org.graalvm.polyglot.Source.newBuilder("hotlock", script, seed.toString()).buildLiteral());
            long walks = KernelReports.walks() - before;
            String report = out.toString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(\\d+) executions").matcher(report);
            assertTrue(m.find(), report);
            long executions = Long.parseLong(m.group(1));
            assertTrue(executions > 500, "the search is long enough to tell: " + executions + "\n" + report);
            assertTrue(walks < executions / 10, walks + " stack walks for " + executions + " executions");
        }
    }
}
