package org.hotlock.sched;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scenario's result line says what it found: "clean" only when it found nothing (issue 15, item 2). */
class ResultHeadlineTest {

    private static final String RACE = """
            kernel "4.20"
            machine box { node 0 { boot 0..4G } }
            struct cell { v = 0 }
            shared cell.v
            var x = new cell {}
            thread a { x.v = 1 }
            thread b { x.v = 2 }
            """;

    @Test
    void aRaceIsNamedInTheHeadlineNotCalledClean() {
        String[] r = SchedulerTest.run(RACE + "explore { a, b }\n", Map.of());
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("  result: 1 finding (race(cell.v)), every schedule explored\n"), r[0]);
        assertFalse(r[0].contains("clean"), r[0]);
    }

    @Test
    void cleanOnlyWhenNothingWasFound() {
        String script = RACE.replace("thread b { x.v = 2 }", "thread b { }");
        String[] r = SchedulerTest.run(script + "explore { a, b }\n", Map.of());
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("  result: clean (every schedule explored)\n"), r[0]);
        assertFalse(r[0].contains("findings:"), r[0]);
    }

    /**
     * A field the threads share but the script does not declare shared: the search cannot see
     * what its steps depend on, a reversed race is not followed, and the result does not claim
     * every schedule (it did before: "clean (every schedule explored)").
     */
    @Test
    void aReversedRaceTheProgramDidNotFollowIsNoCompleteSearch() {
        String script = """
                kernel "4.20"
                machine box { node 0 { boot 0..4G } }
                const m0 = mutex("m0")
                const m1 = mutex("m1")
                struct F { x = 0 }
                const f = new F { x: 0 }
                thread t0 { mutex_lock(m0); f.x = 1; mutex_unlock(m0); if (f.x == 1) { mutex_lock(m0); mutex_unlock(m0) } }
                thread t1 { if (f.x == 1) { mutex_lock(m0); mutex_unlock(m0) }; if (f.x == 1) { mutex_lock(m0); mutex_unlock(m0) } }
                thread t2 { f.x = 1; mutex_lock(m0); mutex_lock(m1); mutex_unlock(m1); mutex_unlock(m0) }
                explore { t0, t1, t2 }
                """;
        String[] r = SchedulerTest.run(script, Map.of("hotlock.PctFirst", "0"));
        assertTrue(r[0].contains("reversed races the program did not follow)"), r[0]);
        assertTrue(r[0].contains("  INCOMPLETE: "), r[0]);
        assertFalse(r[0].contains("every schedule explored"), r[0]);
    }

    @Test
    void aRunNamesItsFindingsToo() {
        String[] r = SchedulerTest.run(RACE + "run { a, b }\n", Map.of());
        assertTrue(r[0].contains("  result: 1 finding (race(cell.v))\n"), r[0]);
    }

    @Test
    void severalFindingsAreCountedByCategory() {
        String script = RACE + """
                const l = mutex("l")
                thread c { mutex_unlock(l) }
                explore { a, b, c }
                """;
        String[] r = SchedulerTest.run(script, Map.of());
        assertTrue(r[0].contains("  result: 2 findings (race(cell.v), bad_unlock), every schedule explored\n")
                || r[0].contains("  result: 2 findings (bad_unlock, race(cell.v)), every schedule explored\n"), r[0]);
    }

    @Test
    void aScenarioShowsItsOwnFindingsAndNotTheScriptsEarlierOnes() {
        String script = RACE.replace("thread b { x.v = 2 }", "thread b { }") + """
                const l = mutex("l")
                mutex_unlock(l)
                explore { a, b } expect bad_unlock
                """;
        String[] r = SchedulerTest.run(script, Map.of());
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("  result: clean (every schedule explored)\n"), "the bad unlock is the script's, not the scenario's: " + r[0]);
        assertTrue(r[0].contains("findings before the scenario: 1 distinct\n[bad_unlock] bad unlock balance detected: main releases l which is not locked"), r[0]);
        assertTrue(r[0].contains("  expectation met: bad_unlock"), r[0]);
    }

    @Test
    void theSameScenarioAgainNamesTheSameFindingsAndPointsToTheReport() {
        String[] r = SchedulerTest.run(RACE + "explore { a, b }\nexplore { a, b }\n", Map.of());
        String headline = "  result: 1 finding (race(cell.v)), every schedule explored\n";
        int first = r[0].indexOf(headline);
        assertTrue(first >= 0 && r[0].indexOf(headline, first + 1) > first, r[0]);
        assertTrue(r[0].contains("-- reported above"), r[0]);
        assertEquals(1, r[0].split("BUG: HotLock data race", -1).length - 1, "the report itself is printed once: " + r[0]);
    }
}
