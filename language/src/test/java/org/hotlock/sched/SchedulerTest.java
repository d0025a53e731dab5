package org.hotlock.sched;

import org.hotlock.kernel.Event;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.kernel.SysfsTree;
import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler and the explorer, driven as a script would drive them. */
class SchedulerTest {

    private static final String MACHINE = """
            kernel "%s"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online false
            }
            """;

    /** Eight boot blocks, and a probe thread that adds block 8 (its device_add): a race partner for lookups and listings. */
    private static final String PROBE_ADDS_BLOCK_8 = """
            kernel "4.20"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..1G; hotpluggable 1G..2G }
            }
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 1G) }
            """;

    private static final String LOST_UPDATE = """
            sysfs.write("/sys/devices/system/memory/probe", 0x108000000)
            sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
            """;

    /** Runs the script; returns what it printed, and the error message if it failed. */
    static String[] run(String script, Map<String, String> options) {
        return Scripts.run(script, options);
    }

    static long executions(String report) {
        Matcher m = Pattern.compile("(\\d+) executions").matcher(report);
        assertTrue(m.find(), report);
        return Long.parseLong(m.group(1));
    }

    @Test
    void exploreFindsTheLostUpdateOn419() {
        String[] r = run(MACHINE.formatted("4.19") + LOST_UPDATE + "explore { probe, admin }\n", Map.of());
        assertTrue(r[1] != null && r[1].contains("kernel invariant broken: zone Normal (node 0)"), r[0] + r[1]);
        assertTrue(r[0].contains("(32768 pages lost)"), r[0]);
        assertTrue(r[0].contains("interleaving:"), r[0]);
    }

    /**
     * PCT runs come before the complete search: on 4.19 the lost update is found by one of
     * them; with --pct-first 0 the depth-first search finds it itself, after more executions.
     */
    @Test
    void pctRunsComeFirstAndCanBeTurnedOff() {
        String script = MACHINE.formatted("4.19") + LOST_UPDATE + "explore { probe, admin }\n";
        String[] first = run(script, Map.of());
        assertTrue(first[0].contains("failure found by PCT run "), first[0]);
        assertTrue(first[1] != null && first[1].contains("kernel invariant broken"), first[0] + first[1]);
        String[] none = run(script, Map.of("hotlock.PctFirst", "0"));
        assertTrue(none[0].contains("explore (optimal DPOR)") && !none[0].contains("PCT"), none[0]);
        assertTrue(none[1] != null && none[1].contains("kernel invariant broken"), none[0] + none[1]);
        String[] clean = run(MACHINE.formatted("4.20") + LOST_UPDATE + "explore { probe, admin }\n", Map.of("hotlock.PctFirst", "7"));
        assertTrue(clean[0].contains("after 7 PCT runs that found no failure"), clean[0]);
    }

    /**
     * Writers serialised by device_hotplug_lock, each through lock_device_hotplug_sysfs: a
     * failed trylock that only restarts is a blocking acquire, so the explorer runs the orders
     * of their critical sections (which conflict: each reads and writes the zone's pages), and
     * cuts short the reversals that only make a trylock fail.
     */
    @Test
    void restartingTrylocksAddNoTraces() {
        StringBuilder script = new StringBuilder(MACHINE.formatted("4.20") + """
                sysfs.write("/sys/devices/system/memory/probe", 0x108000000)
                sysfs.write("/sys/devices/system/memory/probe", 0x110000000)
                sysfs.write("/sys/devices/system/memory/probe", 0x118000000)
                thread w1 { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                thread w2 { sysfs.write("/sys/devices/system/memory/memory34/online", "1") }
                thread w3 { sysfs.write("/sys/devices/system/memory/memory35/online", "1") }
                explore { w1, w2, w3 }
                """);
        String[] r = run(script.toString(), Map.of("hotlock.PctFirst", "0"));
        assertEquals(null, r[1], r[0]);
        Matcher m = Pattern.compile("(\\d+) executions \\((\\d+) cut short").matcher(r[0]);
        assertTrue(m.find(), r[0]);
        assertEquals(6, Long.parseLong(m.group(1)) - Long.parseLong(m.group(2)), r[0]);
    }

    /**
     * The K-writer workload of BENCHMARKS.md (bench/k-writers 4.20-fixed 3): the probe and
     * three writers, serialised by device_hotplug_lock, with conflicting critical sections.
     * Its traces are the 4! orders of the critical sections, and that is what is run, in
     * any declaration order (plus one execution cut short per writer).
     */
    @Test
    void kWritersRunTheOrdersOfTheirCriticalSections() {
        String script = MACHINE.formatted("4.20") + Scripts.FIXED_PROBE + """
                sysfs.write("/sys/devices/system/memory/probe", 0x108000000)
                sysfs.write("/sys/devices/system/memory/probe", 0x110000000)
                sysfs.write("/sys/devices/system/memory/probe", 0x118000000)
                sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
                thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
                thread writer1 { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                thread writer2 { sysfs.write("/sys/devices/system/memory/memory34/online", "1") }
                thread writer3 { sysfs.write("/sys/devices/system/memory/memory35/online", "1") }
                """;
        for (String order : List.of("probe, writer1, writer2, writer3", "writer3, probe, writer2, writer1")) {
            String[] r = run(script + "explore { " + order + " }\n", Map.of("hotlock.PctFirst", "0"));
            assertEquals(null, r[1], r[0]);
            assertTrue(r[0].contains("every schedule explored"), r[0]);
            Matcher m = Pattern.compile("(\\d+) executions \\((\\d+) cut short").matcher(r[0]);
            assertTrue(m.find(), r[0]);
            assertEquals(24, Long.parseLong(m.group(1)) - Long.parseLong(m.group(2)), order + ": " + r[0]);
        }
    }

    @Test
    void exploreProves420LosesNoUpdate() {
        String[] r = run(MACHINE.formatted("4.20") + LOST_UPDATE + "explore { probe, admin }\n", Map.of());
        assertEquals(null, r[1], r[0]);
        // no invariant breaks in any schedule; what 4.20 does find (its probe unlock bug) the result line names
        Matcher result = Pattern.compile("  result: (\\d+) findings \\((.*)\\), every schedule explored\n").matcher(r[0]);
        assertTrue(result.find(), r[0]);
        assertTrue(result.group(2).contains("bad_unlock") && !result.group(2).contains("invariant"), result.group(0));
        assertTrue(executions(r[0]) > 1, r[0]);
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndResult() {
        String script = MACHINE.formatted("4.19") + LOST_UPDATE + "run { probe, admin }\nprint(NODE_DATA(0).node_zones[0].present_pages)\n";
        String[] a = run(script, Map.of("hotlock.Seed", "7"));
        String[] b = run(script, Map.of("hotlock.Seed", "7"));
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        boolean anyDiffers = false;
        for (int seed = 0; seed < 20 && !anyDiffers; seed++) {
            anyDiffers = !run(script, Map.of("hotlock.Seed", Integer.toString(seed)))[0].equals(a[0]);
        }
        assertTrue(anyDiffers, "20 seeds all gave the same run: the seed does not steer the schedule");
    }

    /**
     * Two threads of three independent steps each (start and two yields) have C(6,3) = 20
     * interleavings; all are equivalent, so the reduction runs one.
     */
    @Test
    void reductionRunsOneExecutionWhereTheNaiveSearchRunsEveryInterleaving() {
        String script = MACHINE.formatted("4.20") + """
                thread a { yield(); yield() }
                thread b { yield(); yield() }
                explore { a, b }
                """;
        assertEquals(20, executions(run(script, Map.of("hotlock.Reduce", "false"))[0]));
        assertEquals(1, executions(run(script, Map.of())[0]));
    }

    /**
     * With one shared mutex taken and released by each of two threads, the naive search runs
     * every interleaving of {start, lock, unlock} x 2 that the lock allows, the reduction only
     * the two orders of the critical sections.
     */
    @Test
    void reductionKeepsBothOrdersOfDependentSteps() {
        String script = MACHINE.formatted("4.20") + """
                const m = mutex("m")
                thread a { mutex_lock(m); mutex_unlock(m) }
                thread b { mutex_lock(m); mutex_unlock(m) }
                explore { a, b }
                """;
        long naive = executions(run(script, Map.of("hotlock.Reduce", "false"))[0]);
        long reduced = executions(run(script, Map.of())[0]);
        assertTrue(reduced >= 2, "both orders of the critical sections must run: " + reduced);
        assertTrue(reduced < naive, reduced + " vs naive " + naive);
    }

    /**
     * Readers of an rw-semaphore commute: two threads that each take it for read and release
     * it need one execution; a writer against a reader still needs both orders.
     */
    @Test
    void readersOfAnRwSemaphoreAreIndependentAndAWriterIsNot() {
        String readers = MACHINE.formatted("4.20") + """
                const s = rwsem("s")
                thread a { down_read(s); up_read(s) }
                thread b { down_read(s); up_read(s) }
                explore { a, b }
                """;
        assertEquals(1, executions(run(readers, Map.of())[0]));
        String writer = readers.replace("thread b { down_read(s); up_read(s) }", "thread b { down_write(s); up_write(s) }");
        assertTrue(executions(run(writer, Map.of())[0]) >= 2, "a writer and a reader run in both orders");
        String perCpu = readers.replace("rwsem(\"s\")", "percpu_rwsem(\"s\")").replace("down_read", "percpu_down_read")
                .replace("up_read", "percpu_up_read");
        assertEquals(1, executions(run(perCpu, Map.of())[0]));
    }

    /**
     * A preemption bound of 0 still explores every non-preemptive order of the threads: the
     * BUG here needs a, then b, then c, each run to its end, while the declaration order makes
     * c, b, a the first schedule tried.
     */
    @Test
    void preemptionBoundZeroRunsEveryNonPreemptiveOrder() {
        String script = MACHINE.formatted("4.20") + """
                struct cell { v = 0 }
                shared cell.v
                var x = new cell {}
                var y = new cell {}
                thread a { x.v = 1 }
                thread b { if (x.v == 1) { y.v = 2 } }
                thread c { if (y.v == 2) { BUG_ON(true) } }
                explore { c, b, a }
                """;
        String[] bounded = run(script, Map.of("hotlock.PreemptionBound", "0"));
        assertTrue(bounded[0].contains("kernel BUG at"), bounded[0]);
        String[] unbounded = run(script, Map.of());
        assertTrue(unbounded[0].contains("kernel BUG at"), unbounded[0]);
    }

    @Test
    void abbaDeadlockIsReportedWithTheWaitForCycle() {
        String script = MACHINE.formatted("4.20") + """
                const a = mutex("lock_a")
                const b = mutex("lock_b")
                thread t1 { mutex_lock(a); mutex_lock(b); mutex_unlock(b); mutex_unlock(a) }
                thread t2 { mutex_lock(b); mutex_lock(a); mutex_unlock(a); mutex_unlock(b) }
                explore { t1, t2 }
                """;
        String[] r = run(script, Map.of());
        assertTrue(r[1] != null && r[1].contains("scenario failed: deadlock"), r[0]);
        assertTrue(r[0].contains("t1 waits for lock_b, held by t2"), r[0]);
        assertTrue(r[0].contains("t2 waits for lock_a, held by t1"), r[0]);
        assertTrue(r[0].contains("wait-for cycle: t1 -[lock_b]-> t2 -[lock_a]-> t1")
                || r[0].contains("wait-for cycle: t2 -[lock_a]-> t1 -[lock_b]-> t2"), r[0]);
        // the search takes no stack when a thread blocks; the deadlocked execution, run again
        // with its schedule, gives each blocked thread's stack to the report
        assertTrue(r[0].matches("(?s).*\n {4}t1:\n {8}t1 \\(Unnamed:10\\)\n {4}t2:\n {8}t2 \\(Unnamed:11\\)\n.*"), r[0]);
        assertFalse(r[0].contains("stack not taken"), r[0]);
    }

    @Test
    void aRunawayThreadStopsAtTheStepBound() {
        String script = MACHINE.formatted("4.20") + "thread spin { while (true) { yield() } }\nrun { spin }\n";
        String[] r = run(script, Map.of("hotlock.MaxSteps", "500"));
        assertTrue(r[0].contains("passed its bound of 500 steps without ending (raise it with --max-steps)"), r[0]);
        assertTrue(r[1] != null, "a bounded run is a failure, not a clean result");
    }

    @Test
    void aPreemptionBoundThatHidesTheBugSaysTheSearchWasIncomplete() {
        String[] r = run(MACHINE.formatted("4.19") + LOST_UPDATE + "explore { probe, admin }\n", Map.of("hotlock.PreemptionBound", "0"));
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("INCOMPLETE: the search hit its bound"), r[0]);
    }

    @Test
    void pctFindsTheLostUpdate() {
        String[] r = run(MACHINE.formatted("4.19") + LOST_UPDATE + "pct { probe, admin }\n",
                Map.of("hotlock.PctRuns", "200", "hotlock.PctDepth", "2", "hotlock.Seed", "1"));
        assertTrue(r[1] != null && r[1].contains("kernel invariant broken"), r[0]);
    }

    @Test
    void replayFollowsTheScheduleAndRejectsOneThatDoesNotFit() {
        String script = MACHINE.formatted("4.19") + LOST_UPDATE + "explore { probe, admin }\n";
        String[] found = run(script, Map.of());
        Matcher m = Pattern.compile("FAILED in execution \\d+").matcher(found[0]);
        assertTrue(m.find(), found[0]);
        // rebuild the schedule from the printed table: the column a step is in names its thread
        StringBuilder schedule = new StringBuilder();
        for (String line : found[0].split("\n")) {
            Matcher row = Pattern.compile("^\\s*(\\d+)  (\\s*)\\S").matcher(line);
            if (row.find() && line.length() > 7) {
                schedule.append(schedule.isEmpty() ? "" : ",").append(row.group(2).length() >= 40 ? "admin" : "probe");
            }
        }
        String[] replayed = run(script, Map.of("hotlock.Replay", schedule.toString()));
        assertEquals(found[1], replayed[1]);
        String[] wrong = run(script, Map.of("hotlock.Replay", "admin,nobody"));
        assertTrue(wrong[1] != null && wrong[1].contains("the trace does not match this scenario"), wrong[0] + wrong[1]);
        assertNotEquals(found[1], wrong[1]);
    }

    /**
     * A thread that looks a memory block up races with the device_add that registers it: the
     * lookup is a step, so the search runs it before the probe as well as after. It was no
     * step, and the search ran one order and said every schedule was explored.
     */
    @Test
    void aBlockLookupRacingWithItsDeviceAddIsExploredBothWays() {
        for (String expectation : new String[]{"m == null", "m != null"}) {
            String[] r = run(PROBE_ADDS_BLOCK_8 + "thread finder { var m = find_memory_block_by_id(8); assert(" + expectation + ", \"saw the other\") }\n"
                    + "explore { probe, finder }\n", Map.of("hotlock.PctFirst", "0"));
            assertTrue(r[1] != null && r[1].contains("assertion failed: saw the other"), expectation + ": " + r[0]);
        }
    }

    /**
     * A thread that lists the memory blocks (6.x's for_each_memory_block) races with the
     * device_add of a probe: the listing is a step that reads the memory directory and every
     * block's below it, so the search runs it before the probe as well as after, with
     * reduction and without, and with preemptions bounded. It was no step: one order ran.
     */
    @Test
    void aBlockListingRacingWithADeviceAddIsExploredBothWays() {
        List<Map<String, String>> searches = List.of(Map.of("hotlock.PctFirst", "0"),
                Map.of("hotlock.PctFirst", "0", "hotlock.Reduce", "false"),
                Map.of("hotlock.PctFirst", "0", "hotlock.PreemptionBound", "0"));
        for (Map<String, String> search : searches) {
            for (int blocks : new int[]{8, 9}) {
                String[] r = run(PROBE_ADDS_BLOCK_8 + "thread lister { var n = len(memory_blocks()); assert(n == " + blocks + ", \"saw \" + n) }\n"
                        + "explore { probe, lister }\n", search);
                assertTrue(r[1] != null && r[1].contains("assertion failed: saw " + (17 - blocks)), search + ", " + blocks + ": " + r[0]);
            }
        }
    }

    /**
     * A read of a block's directory fails with -EISDIR once the probe has added it and with
     * -ENOENT before: the lookup reads the directory it names, so the search runs both. Its
     * step read the directory above, and only one order ran.
     */
    @Test
    void aReadOfABlockDirectoryRacingWithItsDeviceAddIsExploredBothWays() {
        for (int errno : new int[]{2, 21}) {
            String[] r = run(PROBE_ADDS_BLOCK_8 + "thread reader { var r = sysfs.read(\"/sys/devices/system/memory/memory8/\"); assert(r == -" + errno + ", \"got \" + r) }\n"
                    + "explore { probe, reader }\n", Map.of("hotlock.PctFirst", "0"));
            assertTrue(r[1] != null && r[1].contains("assertion failed: got -" + (23 - errno)), errno + ": " + r[0]);
        }
    }

    /**
     * Three tasks hang on an rw-semaphore only because a waiting writer holds new readers
     * back: t1 reads r and waits for x, t2 holds x and reads r, w waits to write r. The
     * kernel's rwsem queues t2 behind w (rwsem-xadd.c); the model let readers pass waiting
     * writers, and explore reported the lock-order cycle but never the hang.
     */
    @Test
    void aReaderBehindAWaitingWriterCanHang() {
        String script = MACHINE.formatted("4.20") + """
                const r = rwsem("r")
                const x = mutex("x")
                thread t1 { down_read(r); yield(); mutex_lock(x); mutex_unlock(x); up_read(r) }
                thread t2 { mutex_lock(x); yield(); down_read(r); up_read(r); mutex_unlock(x) }
                thread w { down_write(r); up_write(r) }
                explore { t1, t2, w }
                """;
        for (Map<String, String> search : List.of(Map.of("hotlock.PctFirst", "0"), Map.of("hotlock.PctFirst", "0", "hotlock.Reduce", "false"))) {
            String[] r = run(script, search);
            assertTrue(r[0].contains("deadlock: every live thread is blocked"), search + ": " + r[0]);
            assertTrue(r[0].contains("t2 waits for r, held by t1, behind w, who waits to write it"), r[0]);
            assertTrue(r[0].contains("wait-for cycle: t1 -[x]-> t2 -[r]-> w -[r]-> t1"), r[0]);
        }
        // without the writer the two readers never hang: only the lock-order cycle is reported
        String[] two = run(script.replace("explore { t1, t2, w }", "explore { t1, t2 }"), Map.of("hotlock.PctFirst", "0"));
        assertFalse(two[0].contains("deadlock:"), two[0]);
    }

    /** The listing reads sibling blocks' directories, not other directories: a lookup elsewhere stays independent of it. */
    @Test
    void aBlockListingDependsOnDeviceAddsBelowItsDirectoryOnly() {
        Event listing = new Event(0, Event.Kind.READ, new SysfsTree(new SysfsKey("/sys/devices/system/memory")), false, "memory_blocks");
        Event add = new Event(1, Event.Kind.WRITE, new SysfsKey("/sys/devices/system/memory/memory8"), true, "device_add");
        Event elsewhere = new Event(1, Event.Kind.WRITE, new SysfsKey("/sys/devices/system/cpu/cpu1"), true, "device_add");
        Event lookup = new Event(1, Event.Kind.READ, new SysfsKey("/sys/devices/system/memory/memory8"), false, "find_memory_block 8");
        assertTrue(listing.dependent(add) && add.dependent(listing));
        assertFalse(listing.dependent(elsewhere) || elsewhere.dependent(listing));
        assertFalse(listing.dependent(lookup) || lookup.dependent(listing));
    }

    /**
     * Two 4.19 probes of one range: add_memory requests its iomem resource before any lock,
     * so which probe gets -EEXIST is decided by the order of the requests, which are steps
     * on the resource tree. They were no steps, and the search ran one order only.
     */
    @Test
    void racingResourceRequestsAreExploredBothWays() {
        String script = MACHINE.formatted("4.19") + """
                thread a { var r = sysfs.write("/sys/devices/system/memory/probe", 0x100000000); assert(r > 0, "a lost: " + r) }
                thread b { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
                explore { a, b }
                """;
        String[] r = run(script, Map.of("hotlock.PctFirst", "0"));
        assertTrue(r[1] != null && r[1].contains("assertion failed: a lost: -17"), r[0]);
    }

    @Test
    void spawnedThreadsAreScheduledAndJoined() {
        String script = MACHINE.formatted("4.20") + """
                const m = mutex("m")
                var order = []
                fn worker() { mutex_lock(m); append(order, "w"); mutex_unlock(m) }
                thread boss {
                  var t = spawn(worker)
                  mutex_lock(m); append(order, "b"); mutex_unlock(m)
                  join(t)
                  assert(len(order) == 2, "join returns after the worker ended")
                }
                explore { boss }
                """;
        String[] r = run(script, Map.of());
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("result: clean (every schedule explored)"), r[0]);
        assertTrue(executions(r[0]) >= 2, "both orders of the critical sections: " + r[0]);
    }

    @Test
    void aThreadThatJoinsAThreadThatNeverEndsIsADeadlock() {
        String script = MACHINE.formatted("4.20") + """
                const m = mutex("m")
                fn stuck() { mutex_lock(m) }
                thread boss { mutex_lock(m); var t = spawn(stuck); join(t) }
                explore { boss }
                """;
        String[] r = run(script, Map.of());
        assertTrue(r[0].contains("boss joins stuck"), r[0]);
        assertTrue(r[0].contains("stuck waits for m, held by boss"), r[0]);
    }

    @Test
    void anExplorationStoppedByTheTimeLimitSaysItIsIncomplete() {
        String script = MACHINE.formatted("4.20") + """
                thread a { for i in 0..8 { yield() } }
                thread b { for i in 0..8 { yield() } }
                thread c { for i in 0..8 { yield() } }
                explore { a, b, c }
                """;
        String[] r = run(script, Map.of("hotlock.Reduce", "false", "hotlock.TimeLimit", "1"));
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].contains("INCOMPLETE: the search hit its bound (time limit 1 s, --time-limit)"), r[0]);
    }

    private static final String AB_BA = """
            fn ab(n, p, q) { if (n == 0) { mutex_lock(p); mutex_lock(q); mutex_unlock(q); mutex_unlock(p) } else { ab(n - 1, p, q) } }
            thread a { ab(200, mutex("x"), mutex("y")) }
            thread b { ab(200, mutex("y"), mutex("x")) }
            """;

    @Test
    void theSameExplorationMeetsItsExpectationEveryTime() {
        String[] r = run(MACHINE.formatted("4.20") + AB_BA + "explore { a, b } expect deadlock, cycle\n".repeat(3), Map.of());
        assertEquals(null, r[1], r[0]);
        assertEquals(3, r[0].split("expectation met: cycle, deadlock", -1).length - 1, r[0]);
    }

    @Test
    void deadlockedThreadsLeaveNoCallDepthBehind() {
        // each deadlocked execution leaves two threads 200 calls deep; the limit is 5000
        String[] r = run(MACHINE.formatted("4.20") + AB_BA
                + "explore { a, b } expect deadlock, cycle\n".repeat(30) + "print(\"done\")\n", Map.of());
        assertEquals(null, r[1], r[0]);
        assertTrue(r[0].endsWith("done\n"), r[0]);
    }

    @Test
    void theInterleavingOfManyThreadsAndManyStepsIsBounded() {
        StringBuilder script = new StringBuilder(MACHINE.formatted("4.20")).append("const m = mutex(\"m\")\n");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            script.append("thread t").append(i).append(" { mutex_lock(m); yield(); mutex_unlock(m) }\n");
            names.append("t").append(i).append(", ");
        }
        script.append("thread spin { while (true) { yield() } }\nrun { ").append(names).append("spin }\n");
        String[] r = run(script.toString(), Map.of("hotlock.MaxSteps", "1000"));
        assertTrue(r[0].contains("passed its bound of 1000 steps"), r[0]);
        // ten threads: a line per step instead of ten 46-character columns
        assertTrue(r[0].contains(" step  thread               (10 threads: a line per step)"), r[0]);
        // 1 000 steps: the first and last 200
        assertTrue(r[0].contains("  199  spin                 yield\n       ... 600 steps not shown (the trace file has every step)\n  800  "), r[0]);
        assertFalse(r[0].contains("\n  500  "), r[0]);
    }
}
