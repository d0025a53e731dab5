package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.kernel.LockMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the checks found while a worker explored a subtree for a search, in the order they
 * found it, kept small: a finding once, with how often it recurred; a lock dependency only
 * where it tells the search's lock graph something (new here, taken with fewer locks held, or
 * part of a cycle found before). Applied to the search's own checks when the search takes the
 * subtree, it leaves them as if the subtree had been explored there: the same findings, in the
 * same order, with the same counts. A finding the search's log knew already carries no
 * report; a dependency carries its stack only when the search's graph lacked it.
 */
public final class CheckRecord {
    /** A finding and how often it occurred (finding null: one the search's log had). */
    private static final class Add {
        final String key;
        final Finding finding;
        int count;

        Add(String key, Finding finding) {
            this.key = key;
            this.finding = finding;
        }
    }

    /** A lock taken while holding others: what LockGraph needs to add the dependencies. */
    private record Taken(String thread, String to, LockMode mode, Set<String> held, Set<String> exclusive, List<String> stack) {
    }

    private final List<Object> ops = new ArrayList<>();
    private final Map<String, Add> adds = new HashMap<>();
    /** "from to" of each dependency taken here, with the exclusive locks held every time. */
    private final Map<String, Set<String>> dependencies = new HashMap<>();
    /** Dependencies in a cycle when the subtree was handed over, not yet retaken here. */
    private final Set<String> inCycles;
    private final Checks search;

    /**
     * @param search the checks of the search's context: what they know decides what is kept;
     *               read here only through what is safe from another thread
     * @param inCycles the dependencies of the search's graph that were part of a cycle when the
     *               subtree was handed over (read on the search's thread)
     */
    public CheckRecord(Checks search, Set<String> inCycles) {
        this.search = search;
        this.inCycles = new HashSet<>(inCycles);
    }

    boolean knows(String key) {
        return adds.containsKey(key) || search.findings().knows(key);
    }

    @TruffleBoundary
    void add(Finding finding) {
        add(finding.key(), finding.category() == null ? null : finding, 1);
    }

    /** Another {@code count} occurrences of a finding: the first one's place and report is kept. */
    private void add(String key, Finding finding, int count) {
        Add a = adds.get(key);
        if (a == null) {
            a = new Add(key, finding);
            adds.put(key, a);
            ops.add(a);
        }
        a.count += count;
    }

    @TruffleBoundary
    void taken(String thread, String to, LockMode mode, Set<String> held, Set<String> exclusive, Supplier<List<String>> stack) {
        boolean tells = false;
        boolean needsStack = false;
        for (String from : held) {
            if (from.equals(to)) {
                continue;
            }
            String key = LockGraph.dependency(from, to);
            Set<String> always = dependencies.get(key);
            if (always == null) {
                Set<String> others = new LinkedHashSet<>(exclusive);
                others.remove(from);
                dependencies.put(key, others);
                tells = true;
                needsStack |= !search.lockGraph().knows(from, to);
            } else if (!LockGraph.stillHeld(always, exclusive, from)) {
                always.removeIf(g -> g.equals(from) || !exclusive.contains(g));
                tells = true;
            }
            if (!inCycles.isEmpty()) {
                tells |= inCycles.remove(key);
            }
        }
        if (tells) {
            ops.add(new Taken(thread, to, mode, held, exclusive, needsStack ? stack.get() : null));
        }
    }

    /** Takes in what another record found after what this one has (a subtree this one's search took). */
    @TruffleBoundary
    public void merge(CheckRecord later) {
        for (Object op : later.ops) {
            if (op instanceof Add o) {
                add(o.key, o.finding, o.count);
            } else if (op instanceof Taken t) {
                taken(t.thread(), t.to(), t.mode(), t.held(), t.exclusive(), t::stack);
            }
        }
    }

    /** Applies what was found to the search's checks. */
    @TruffleBoundary
    public void applyTo(Checks checks) {
        for (Object op : ops) {
            if (op instanceof Add a) {
                Finding f = a.finding != null ? a.finding : checks.findings().get(a.key);
                for (int i = 0; i < a.count; i++) {
                    checks.findings().add(f);
                }
            } else if (op instanceof Taken t) {
                checks.lockGraph().taken(t.thread(), t.to(), t.mode(), t.held(), t.exclusive(), t::stack);
            }
        }
    }
}
