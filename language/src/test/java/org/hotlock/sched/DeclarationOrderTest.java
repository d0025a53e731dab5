package org.hotlock.sched;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A complete exploration must not depend on the order the threads are declared in: that order
 * only decides which schedule is tried first. Each scenario here is explored under every
 * order, and each must find the same kinds of findings and the same failure.
 */
class DeclarationOrderTest {

    private static final String MACHINE = """
            kernel "4.20"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online false
            }
            """;

    /** What an exploration under one order found: its finding categories and how it ended. */
    private record Found(Set<String> categories, String failure) {
    }

    private static Found explore(String script, List<String> order) {
        String[] r = SchedulerTest.run(script + "explore { " + String.join(", ", order) + " }\n", Map.of());
        assertTrue(r[0].contains("every schedule explored") || r[1] != null, r[0]);
        Set<String> categories = new TreeSet<>();
        Matcher m = Pattern.compile("^\\[([^\\]]+)\\] ", Pattern.MULTILINE).matcher(r[0]);
        while (m.find()) {
            categories.add(m.group(1));
        }
        return new Found(categories, r[1]);
    }

    /** Explores under every order of the threads; returns what they all found. */
    private static Found sameUnderEveryOrder(String script, List<String> threads) {
        List<List<String>> orders = permutations(threads);
        Found first = explore(script, orders.getFirst());
        for (List<String> order : orders.subList(1, orders.size())) {
            assertEquals(first, explore(script, order), "explore { " + String.join(", ", order) + " } against "
                    + "explore { " + String.join(", ", orders.getFirst()) + " }");
        }
        return first;
    }

    static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> rest = new ArrayList<>(items);
            String head = rest.remove(i);
            for (List<String> tail : permutations(rest)) {
                List<String> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                all.add(p);
            }
        }
        return all;
    }

    /**
     * b's unlock of a mutex a holds frees it (lockdep reports a bad unlock balance, and
     * mutex_unlock clears the owner anyway); a goes on holding it as lockdep sees it, so the
     * rule at work() holds. c then takes the mutex while a is inside: the two holds overlap,
     * and a's and c's writes of s.x race whether a's write comes before b's unlock or after.
     */
    @Test
    void aReleaseByANonOwnerFreesTheLockAndLeavesItsOwnersHold() {
        String script = MACHINE + """
                struct S { x = 0 }
                shared S.x
                const s = new S { x: 0 }
                const m = mutex("m")
                rule RW "work() only with m" { on call work require held(m) }
                fn work() { }
                thread a { mutex_lock(m); s.x = 1; yield(); work(); mutex_unlock(m) }
                thread b { mutex_unlock(m) }
                thread c { mutex_lock(m); s.x = 2; mutex_unlock(m) }
                """;
        Found found = sameUnderEveryOrder(script, List.of("a", "b", "c"));
        assertEquals(Set.of("bad_unlock", "race(S.x)"), found.categories());
    }

    /**
     * Without a thread that takes the freed lock nothing overlaps: a still holds m as lockdep
     * sees it (the rule at work() holds), and a bystander's steps on its own lock and field
     * race with nothing. The bad unlock alone, under all six orders.
     */
    @Test
    void aFreedLockThatNobodyTakesBreaksNothing() {
        String script = MACHINE + """
                struct S { x = 0; y = 0 }
                shared S.x
                shared S.y
                const s = new S { x: 0, y: 0 }
                const m = mutex("m")
                const n = mutex("n")
                rule RW "work() only with m" { on call work require held(m) }
                fn work() { }
                thread a { mutex_lock(m); s.x = 1; yield(); work(); mutex_unlock(m) }
                thread b { yield(); mutex_unlock(m) }
                thread c { mutex_lock(n); s.y = 1; yield(); mutex_unlock(n) }
                """;
        assertEquals(Set.of("bad_unlock"), sameUnderEveryOrder(script, List.of("a", "b", "c")).categories());
    }

    /**
     * A store whose trylock fails counts the failure and asks for a restart, which waits until
     * the lock is free. b's write fails twice only if its restart finds m free between a's two
     * critical sections and its trylock then comes during the second: whether the restart
     * waits is decided by the lock, so it must be ordered against a's lock operations.
     */
    @Test
    void aRestartedSysfsWriteIsOrderedAgainstTheLockItWaitsFor() {
        String script = MACHINE + """
                struct S { x = 0 }
                shared S.x
                const s = new S { x: 0 }
                const m = mutex("m")
                const n = mutex("n")
                rule RN "twice() only with n" { on call twice require held(n) }
                fn twice() { }
                fn store(dev, buf) {
                  if (mutex_trylock(m)) { mutex_unlock(m); return len(buf) }
                  s.x = s.x + 1
                  msleep(5)
                  return restart_syscall()
                }
                sysfs_file("/sys/kernel/retry", null, store)
                thread a { mutex_lock(m); mutex_unlock(m); mutex_lock(m); mutex_unlock(m) }
                thread b { sysfs.write("/sys/kernel/retry", "1"); if (s.x >= 2) { twice() } }
                """;
        Found found = sameUnderEveryOrder(script, List.of("a", "b"));
        assertEquals(Set.of("violation(RN)"), found.categories());
    }

    /**
     * The seed's lost update on merged v4.20 (examples/seed/lost-update-4.20.hlk): when the
     * probe's trylock fails it unlocks device_hotplug_lock, which admin holds; it restarts and
     * takes the lock while admin is still inside, so device_hotplug_lock no longer gates the
     * mem_hotplug_lock / device_lock cycle. Found whichever thread is declared first.
     */
    @Test
    void theSeedsLostUpdateOnMerged420() {
        String script = MACHINE + """
                sysfs.write("/sys/devices/system/memory/probe", 0x108000000)
                sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
                thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
                thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                """;
        Found found = sameUnderEveryOrder(script, List.of("probe", "admin"));
        // the lock-order cycle is taken without its gate once the lock is taken away: a plain cycle
        assertEquals(Set.of("bad_unlock", "cycle"), found.categories());
        assertEquals(null, found.failure());
    }

    /**
     * Not only the findings: the traces explored are the same whichever thread is declared
     * first, on merged 4.20 with two writers (the probe breaks the writers' gate, so releases
     * by non-owners, restarts and overlapped holds meet). A restarted write's attempt that
     * only took the file's active reference before its trylock failed is left out of the
     * comparison: it did nothing, and whether an order met it is the order's affair.
     */
    @Test
    void mergedWritersExploreTheSameTracesInEveryOrder() throws Exception {
        String script = org.hotlock.test.Scripts.kWriters("4.20", 2).replaceAll("explore \\{[^}]*\\}\n", "");
        Set<String> first = null;
        for (List<String> order : List.of(List.of("probe", "writer1", "writer2"), List.of("writer1", "writer2", "probe"),
                List.of("writer2", "probe", "writer1"))) {
            List<Outcome> outcomes = new ArrayList<>();
            try (AutoCloseable ignored = ExecutionLog.observe(outcomes::add)) {
                String[] r = SchedulerTest.run(script + "explore { " + String.join(", ", order) + " }\n", Map.of("hotlock.PctFirst", "0"));
                assertTrue(r[0].contains("every schedule explored"), r[0]);
            }
            Set<String> traces = new TreeSet<>();
            for (Outcome o : outcomes) {
                if (o.kind() != Outcome.Kind.ABANDONED) {
                    traces.add(OptimalityTest.canonical(withoutEmptyAttempts(o)));
                }
            }
            if (first == null) {
                first = traces;
                assertTrue(first.size() > 100, "a search long enough to tell: " + first.size());
            } else {
                Set<String> missing = new TreeSet<>(first);
                missing.removeAll(traces);
                Set<String> extra = new TreeSet<>(traces);
                extra.removeAll(first);
                assertTrue(missing.isEmpty() && extra.isEmpty(), "explore { " + String.join(", ", order) + " }: " + missing.size()
                        + " traces of the first order not explored, " + extra.size() + " explored that it did not");
            }
        }
    }

    /** The outcome without the active-reference step of each attempt whose trylock only restarted. */
    private static Outcome withoutEmptyAttempts(Outcome o) {
        List<org.hotlock.kernel.Event> kept = new ArrayList<>();
        Map<Integer, Integer> last = new java.util.HashMap<>();
        for (org.hotlock.kernel.Event e : o.trace()) {
            Integer k = last.get(e.thread());
            if (e.restarts() && k != null && kept.get(k) != null && kept.get(k).kind() == org.hotlock.kernel.Event.Kind.TRYLOCK
                    && kept.get(k).object() instanceof org.hotlock.kernel.KernelLock l && l.name().startsWith("kn->count")) {
                kept.set(k, null);
            }
            if (!e.local()) {
                last.put(e.thread(), kept.size());
            }
            kept.add(e);
        }
        kept.removeIf(java.util.Objects::isNull);
        return new Outcome(o.kind(), o.message(), o.thread(), o.stack(), kept, o.threadNames(), o.schedule());
    }
}
