package org.hotlock.sched;

import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code queue_work(fn, arg)}: in a scenario the work runs in a worker thread of its own,
 * named after fn, inside the kernel (no other thread leaving the kernel checks the invariants
 * while the worker is half way); outside a scenario it runs at once.
 */
class QueueWorkTest {
    private static final String MACHINE = """
            kernel "4.20"
            machine box { node 0 { boot 0..1G } }
            struct W { v = 0 }
            shared atomic W.v
            const w = new W { v: 0 }
            fn work(n) { w.v = w.v + n }
            """;

    @Test
    void outsideAScenarioTheWorkRunsAtOnce() {
        String[] r = Scripts.run(MACHINE + "queue_work(work, 5)\nprint(\"v =\", w.v)\n", Map.of());
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("v = 5"), r[0]);
    }

    @Test
    void inAScenarioTheWorkerIsAThreadOfItsOwnThatTheCallerDoesNotWaitFor() {
        String[] r = Scripts.run(MACHINE + """
                thread caller { queue_work(work, 1); assert(w.v == 0 || w.v == 1, "the caller sees the work done or not yet") }
                explore { caller }
                """, Map.of("hotlock.PctFirst", "0"));
        assertEquals(null, r[1], r[0]);
        // the worker's read and write of w.v before or after the caller's read: the worker is scheduled
        assertTrue(r[0].contains("threads caller, ") && r[0].contains("every schedule explored"), r[0]);
        assertTrue(!r[0].contains("threads caller, 1 execution"), "more than one order of caller and worker: " + r[0]);
    }

    @Test
    void theWorkerMustBeAFunction() {
        String[] r = Scripts.run(MACHINE + "queue_work(3, 5)\n", Map.of());
        assertTrue(r[1] != null && r[1].contains("queue_work"), String.valueOf(r[1]));
    }
}
