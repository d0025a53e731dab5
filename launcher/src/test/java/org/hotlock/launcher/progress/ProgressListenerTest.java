package org.hotlock.launcher.progress;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A context's searches report their progress to the listener the session object takes. */
class ProgressListenerTest {
    private static final String SCENARIO = """
            kernel "4.20"
            machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
            sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
            thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
            thread probe { sysfs.write("/sys/devices/system/memory/probe", "0x110000000") }
            """;

    private static List<Progress> run(String mode, String... options) {
        List<Progress> heard = new ArrayList<>();
        Context.Builder b = Context.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false");
        for (int i = 0; i + 1 < options.length; i += 2) {
            b.option(options[i], options[i + 1]);
        }
        try (Context c = b.build()) {
            ProgressListener.listen(c, heard::add);
            c.eval("hotlock", SCENARIO + mode + " { admin, probe }\n");
            long executions = c.eval("hotlock", "last_report().executions").asLong();
            assertFalse(heard.isEmpty(), "the listener heard the search");
            Progress last = heard.getLast();
            assertTrue(last.done(), "the last report says the search is over: " + last);
            assertEquals(executions, last.executions(), "and has its executions: " + last);
        }
        return heard;
    }

    @Test
    void anExplorationReportsExecutionsDepthAndFindingsAndItsBound() {
        List<Progress> heard = run("explore", "hotlock.PctFirst", "0", "hotlock.MaxExecutions", "5000");
        Progress last = heard.getLast();
        assertEquals("explore", last.mode());
        assertEquals(5000, last.total());
        assertFalse(last.totalExact(), "a bound, not a count: no estimate");
        assertTrue(last.depth() > 10, "the deepest execution's scheduling points: " + last);
        assertTrue(last.findings() >= 1, "the guarded cycle of 4.20: " + last);
        assertTrue(last.perSecond() > 0 && last.elapsed() > 0, last.toString());
    }

    @Test
    void pctReportsItsRunsOfTheTotal() {
        List<Progress> heard = run("pct", "hotlock.PctRuns", "30");
        Progress last = heard.getLast();
        assertEquals("pct", last.mode());
        assertEquals(30, last.total());
        assertTrue(last.totalExact());
        assertEquals(30, last.executions());
        assertEquals(0, last.secondsLeft(), 1e-9);
    }
}
