package org.hotlock.check;

import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lock dependency is recorded when the acquire is attempted, before it waits, as lockdep
 * does: an ABBA deadlock reports its cycle too, whichever thread runs first (issue 15, item 9).
 */
class DependencyOnAttemptTest {
    private static final String ABBA = """
            kernel "4.20"
            machine box { node 0 { boot 0..1G } }
            const a = mutex("lock_a")
            const b = mutex("lock_b")
            thread t1 { mutex_lock(a); mutex_lock(b); mutex_unlock(b); mutex_unlock(a) }
            thread t2 { mutex_lock(b); mutex_lock(a); mutex_unlock(a); mutex_unlock(b) }
            """;

    private static String run(String script) {
        return Scripts.run(script, Map.of("hotlock.Strategy", "round-robin"))[0];
    }

    @Test
    void aDeadlockReportsItsCycleWhicheverThreadRunsFirst() {
        for (String order : List.of("t1, t2", "t2, t1")) {
            // round robin: each takes its first lock, then each attempts the other's and waits
            String s = run(ABBA + "run { " + order + " }\n");
            assertTrue(s.contains("[deadlock] deadlock: every live thread is blocked"), order + ": " + s);
            assertTrue(s.contains("[cycle] possible circular locking dependency: lock_"), order + ": the cycle, though neither dependency was granted: " + s);
            assertTrue(s.contains("is trying to acquire lock:"), s);
        }
    }

    @Test
    void anAttemptRecordsTheDependencyBeforeItWaits() {
        String s = run(ABBA + "run { t1, t2 } expect deadlock, cycle\nprint(lock_graph().edges)\n");
        assertTrue(s.contains("from: \"lock_a\", to: \"lock_b\"") && s.contains("from: \"lock_b\", to: \"lock_a\""), s);
    }
}
