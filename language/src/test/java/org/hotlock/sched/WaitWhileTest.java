package org.hotlock.sched;

import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wait_while} parks a thread until a shared field changes (a retry loop that changes
 * nothing, as the simulator runs it), {@code shared atomic} fields are steps but never data
 * races, and {@code current_comm()} names the running thread.
 */
class WaitWhileTest {
    private static final String MACHINE = """
            kernel "4.20"
            machine box { node 0 { boot 0..1G } }
            struct W { v = 0; data = 0 }
            """;

    private static String[] run(String script) {
        return Scripts.run(script, Map.of("hotlock.PctFirst", "0"));
    }

    @Test
    void aWaiterGoesOnOnceAnotherThreadChangesTheField() {
        String[] r = run(MACHINE + """
                shared atomic W.v
                const w = new W { v: 0, data: 0 }
                thread waiter { wait_while(w, "v", 0); assert(w.v == 1, "woken by the change: " + w.v) }
                thread setter { w.v = 1 }
                explore { waiter, setter }
                """);
        assertEquals(null, r[1], r[0]);
        // the waiter's read before and after the write: two traces, no endless polling
        assertTrue(r[0].contains("threads waiter, setter, 2 executions"), r[0]);
        assertTrue(r[0].contains("result: clean (every schedule explored)"), r[0]);
    }

    @Test
    void aWaitNobodyEndsIsADeadlockThatSaysWhatItWaitsFor() {
        String[] r = run(MACHINE + """
                shared atomic W.v
                const w = new W { v: 0, data: 0 }
                const m = mutex("m")
                thread waiter { mutex_lock(m); wait_while(w, "v", 0); mutex_unlock(m) }
                thread other { mutex_lock(m); w.v = 1; mutex_unlock(m) }
                explore { waiter, other }
                """);
        assertNotNull(r[1], r[0]);
        assertTrue(r[0].contains("waiter waits for W.v to change from 0, which no live thread will do"), r[0]);
        assertTrue(r[0].contains("wait-for cycle: other -[m]-> waiter -[W.v to change]-> no live thread"), r[0]);
    }

    @Test
    void waitingOutsideAScenarioOrOnAFieldNotSharedIsALocatedError() {
        String[] outside = run(MACHINE + "shared atomic W.v\nconst w = new W { v: 0, data: 0 }\nwait_while(w, \"v\", 0)\n");
        assertTrue(outside[1].contains("W.v is 0 and no other thread can change it: wait_while would wait forever"), outside[1]);
        String[] plain = run(MACHINE + "const w = new W { v: 0, data: 0 }\nwait_while(w, \"v\", 0)\n");
        assertTrue(plain[1].contains("which is not shared: declare it with 'shared atomic W.v'"), plain[1]);
        assertTrue(plain[1].contains(":5:1"), "located at the call: " + plain[1]);
        // a field that already differs: one step, no wait
        String[] differs = run(MACHINE + "shared atomic W.v\nconst w = new W { v: 1, data: 0 }\nwait_while(w, \"v\", 0)\nprint(\"went on\")\n");
        assertEquals(null, differs[1], differs[0]);
        assertTrue(differs[0].contains("went on"), differs[0]);
    }

    @Test
    void atomicFieldsAreStepsButNeverRaces() {
        String threads = """
                const w = new W { v: 0, data: 0 }
                thread a { w.v = w.v + 1 }
                thread b { w.v = w.v + 1 }
                explore { a, b }
                """;
        String[] atomic = run(MACHINE + "shared atomic W.v\n" + threads);
        assertTrue(atomic[0].contains("result: clean (every schedule explored)"), atomic[0]);
        // the accesses are still steps: the reads and writes of both orders are explored
        assertTrue(atomic[0].contains("threads a, b, 4 executions") || atomic[0].contains("threads a, b, 3 executions"), atomic[0]);
        String[] plain = run(MACHINE + "shared W.v\n" + threads);
        assertTrue(plain[0].contains("[race(W.v)]"), plain[0]);
    }

    @Test
    void aFieldCannotBeBothAtomicAndPlain() {
        String[] r = run(MACHINE + "shared atomic W.v\nshared W.v\n");
        assertTrue(r[1].contains("W.v is declared shared atomic already"), r[1]);
    }

    @Test
    void currentCommNamesTheRunningThread() {
        String[] r = run(MACHINE + """
                print("script:", current_comm())
                thread udevd { print("thread:", current_comm()) }
                run { udevd }
                """);
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("script: main") && r[0].contains("thread: udevd"), r[0]);
    }
}
