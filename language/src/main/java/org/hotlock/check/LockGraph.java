package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.KernelReports;
import org.hotlock.kernel.LockMode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lock order in the manner of lockdep (Documentation/locking/lockdep-design.rst): locks are
 * grouped in classes (a global lock is its own class, every block's device_lock is
 * {@code &dev->mutex}); taking B while holding A records the dependency A -> B with the stack
 * where it was first taken; the graph grows over every execution of an exploration; a new
 * dependency that closes a cycle is a possible deadlock, reported as lockdep does.
 *
 * Beyond lockdep: each dependency remembers which classes were held every time it was taken;
 * a cycle whose dependencies were all taken under one common outer lock (a gate lock, as
 * device_hotplug_lock is after the 2018 series) cannot deadlock and is reported as guarded.
 * A trylock waits for nothing and adds no dependency (the lock still counts as held). A lock
 * released under its holder by another thread is no gate for what the holder took then: once
 * two threads' holds of it overlapped, the dependencies taken under either are taken again
 * without it. The blind spot of lockdep (it does not validate dev->mutex) is an option, and so
 * is the gate-lock reasoning itself: without it no lock is a gate and every cycle is a cycle,
 * the lock order as lockdep would report it.
 */
public final class LockGraph {
    /** A dependency between two classes, with the first place it was taken. */
    public static final class Edge {
        final String from;
        final String to;
        final LockMode toMode;
        final List<String> stack;
        final String thread;
        /** The classes held every time this dependency was taken (the candidate gates). */
        Set<String> alwaysHeld;
        /** The keys of the reported cycles this dependency is part of. */
        final Set<String> cycles = new LinkedHashSet<>();

        Edge(String from, String to, LockMode toMode, List<String> stack, String thread, Set<String> held) {
            this.from = from;
            this.to = to;
            this.toMode = toMode;
            this.stack = stack;
            this.thread = thread;
            this.alwaysHeld = held;
        }

        public String from() {
            return from;
        }

        public String to() {
            return to;
        }

        public List<String> stack() {
            return stack;
        }

        public Set<String> alwaysHeld() {
            return alwaysHeld;
        }
    }

    private final Map<String, Map<String, Edge>> edges = new LinkedHashMap<>();
    private final Set<String> reportedCycles = new HashSet<>();
    private final FindingLog findings;
    private final boolean validateDeviceLocks;
    /** Whether a lock held across every dependency of a cycle guards it (false: lockdep's view). */
    private final boolean gateLocks;

    LockGraph(FindingLog findings, boolean validateDeviceLocks, boolean gateLocks) {
        this.findings = findings;
        this.validateDeviceLocks = validateDeviceLocks;
        this.gateLocks = gateLocks;
    }

    private boolean tracked(KernelLock lock) {
        return validateDeviceLocks || !lock.lockClass().equals("&dev->mutex");
    }

    /** The cycles found so far: their classes, and the gates that guard them (none: a real one). */
    public record Cycle(List<String> classes, Set<String> gates) {
    }

    private final List<Cycle> cycles = new ArrayList<>();

    public List<Cycle> cycles() {
        return cycles;
    }

    /** Every dependency, for the --graph picture and for tests. */
    @TruffleBoundary
    public List<Edge> edges() {
        List<Edge> all = new ArrayList<>();
        edges.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /** The thread attempts to take a lock (not by trylock), before it waits for it, holding its other locks. */
    @TruffleBoundary
    void acquired(GuestThread thread, KernelLock lock, LockMode mode, Node location) {
        if (!tracked(lock)) {
            return;
        }
        String to = lock.lockClass();
        List<GuestThread.HeldLock> heldNow = thread.held();
        if (heldNow.isEmpty()) {
            return;
        }
        GuestThread.HeldLock[] holds = heldNow.toArray(NO_HOLDS);
        attempts.add(new Attempt(thread.name(), lock, mode, holds));
        if (recording == null && nothingNew(heldNow, lock, to)) {
            return;   // the usual case once the graph has grown: no set is made
        }
        take(thread.name(), lock, mode, holds, () -> KernelReports.currentStack(location));
    }

    private static final GuestThread.HeldLock[] NO_HOLDS = new GuestThread.HeldLock[0];

    /** An acquire attempted in this execution while holding locks: taken again when a hold turns out not to have been exclusive. */
    private record Attempt(String thread, KernelLock lock, LockMode mode, GuestThread.HeldLock[] holds) {
    }

    private final List<Attempt> attempts = new ArrayList<>();

    /** A new execution: the attempts of the last one are done with. */
    @TruffleBoundary
    void newExecution() {
        attempts.clear();
    }

    /**
     * A hold overlapped others: the lock did not keep their critical sections apart, so it
     * was no gate for the dependencies taken under them, before the overlap as after (the
     * release that freed the lock commutes with those steps: another order of the same trace
     * has it before them). They are taken again with it not held exclusively.
     */
    @TruffleBoundary
    void overlapped(GuestThread.HeldLock hold) {
        for (Attempt a : attempts) {
            for (GuestThread.HeldLock h : a.holds()) {
                if (hold.overlapsWith(h)) {
                    // the dependencies are known already (taken at the attempt): no stack is asked for
                    take(a.thread(), a.lock(), a.mode(), a.holds(), List::of);
                    break;
                }
            }
        }
    }

    private void take(String thread, KernelLock lock, LockMode mode, GuestThread.HeldLock[] holds, Supplier<List<String>> stack) {
        Set<String> held = new LinkedHashSet<>();
        // only a lock held exclusively keeps two threads apart, so only those can be gates
        Set<String> exclusive = new LinkedHashSet<>();
        for (GuestThread.HeldLock h : holds) {
            if (h.lock() != lock && tracked(h.lock())) {
                held.add(h.lock().lockClass());
                if (gateLocks && h.mode() == LockMode.WRITE && h.exclusive()) {
                    exclusive.add(h.lock().lockClass());
                }
            }
        }
        if (held.isEmpty()) {
            return;
        }
        if (recording != null) {
            recording.taken(thread, lock.lockClass(), mode, held, exclusive, stack);   // a worker's: the search's graph takes it
        } else {
            taken(thread, lock.lockClass(), mode, held, exclusive, stack);
        }
    }

    /**
     * Whether taking {@code lock} while holding {@code held} adds nothing: each dependency is
     * known, on no cycle, and every lock held each time it was taken is held exclusively now
     * (what {@link #taken} would skip, asked of the held locks without building their sets).
     */
    private boolean nothingNew(List<GuestThread.HeldLock> held, KernelLock lock, String to) {
        for (GuestThread.HeldLock h : held) {
            KernelLock l = h.lock();
            if (l == lock || !tracked(l)) {
                continue;
            }
            String from = l.lockClass();
            if (from.equals(to)) {
                continue;
            }
            Map<String, Edge> out = edges.get(from);
            Edge e = out == null ? null : out.get(to);
            if (e == null || !e.cycles.isEmpty()) {
                return false;
            }
            for (String g : e.alwaysHeld) {
                if (g.equals(from) || !heldExclusively(held, lock, g)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean heldExclusively(List<GuestThread.HeldLock> held, KernelLock taking, String lockClass) {
        for (GuestThread.HeldLock h : held) {
            if (h.mode() == LockMode.WRITE && h.exclusive() && h.lock() != taking && tracked(h.lock()) && h.lock().lockClass().equals(lockClass)) {
                return true;
            }
        }
        return false;
    }

    /** The dependency from one lock class to another, as a key. */
    static String dependency(String from, String to) {
        return from + " " + to;
    }

    /** In a worker: dependencies go into the record (null: into this graph again). */
    void recordInto(CheckRecord record) {
        this.recording = record;
    }

    private CheckRecord recording;
    /** "from to" of every dependency, readable by a search's workers while it grows. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** "from to" of each dependency that is part of a cycle found so far. */
    @TruffleBoundary
    public Set<String> inCycles() {
        Set<String> result = new HashSet<>();
        for (Map<String, Edge> out : edges.values()) {
            for (Edge e : out.values()) {
                if (!e.cycles.isEmpty()) {
                    result.add(dependency(e.from, e.to));
                }
            }
        }
        return result;
    }

    /** Whether the graph has the dependency: safe to ask from another thread. */
    boolean knows(String from, String to) {
        return known.contains(dependency(from, to));
    }

    /**
     * The thread took a lock of class {@code to} while holding those of {@code held} (the
     * {@code exclusive} ones exclusively); the stack is asked for only for a new dependency.
     */
    @TruffleBoundary
    void taken(String thread, String to, LockMode mode, Set<String> held, Set<String> exclusive, Supplier<List<String>> stack) {
        for (String from : held) {
            if (from.equals(to)) {
                continue; // nesting within one class (two device locks) is lockdep's subclass business
            }
            Map<String, Edge> out = edges.computeIfAbsent(from, k -> new LinkedHashMap<>());
            Edge e = out.get(to);
            if (e != null && e.cycles.isEmpty() && stillHeld(e.alwaysHeld, exclusive, from)) {
                continue;   // nothing new: the usual case, once the graph has grown
            }
            Set<String> others = gateLocks ? new LinkedHashSet<>(exclusive) : new LinkedHashSet<>();
            others.remove(from);
            if (e != null) {
                if (e.alwaysHeld.retainAll(others)) {
                    // the dependency was taken with fewer locks held: a cycle it closes may
                    // have lost its gate
                    List<Edge> cycle = path(to, from);
                    if (cycle != null) {
                        cycle.add(e);
                        report(thread, cycle);
                    }
                }
                for (String key : e.cycles) {
                    findings.holdsAgain(key);
                }
                continue;
            }
            e = new Edge(from, to, mode, stack.get(), thread, others);
            out.put(to, e);
            known.add(dependency(from, to));
            List<Edge> cycle = path(to, from);
            if (cycle != null) {
                cycle.add(e);
                report(thread, cycle);
            }
        }
    }

    /** Whether every lock held each time a dependency was taken is held (exclusively) this time too. */
    static boolean stillHeld(Set<String> alwaysHeld, Set<String> exclusive, String from) {
        for (String g : alwaysHeld) {
            if (g.equals(from) || !exclusive.contains(g)) {
                return false;
            }
        }
        return true;
    }

    /** The dependencies leading from one class to another, or null when none do. */
    private List<Edge> path(String start, String goal) {
        Map<String, Edge> via = new HashMap<>();
        Deque<String> work = new ArrayDeque<>();
        work.add(start);
        Set<String> seen = new HashSet<>();
        seen.add(start);
        while (!work.isEmpty()) {
            String c = work.poll();
            if (c.equals(goal)) {
                List<Edge> p = new ArrayList<>();
                for (String n = goal; !n.equals(start); n = via.get(n).from) {
                    p.addFirst(via.get(n));
                }
                return p;
            }
            for (Edge e : edges.getOrDefault(c, Map.of()).values()) {
                if (seen.add(e.to)) {
                    via.put(e.to, e);
                    work.add(e.to);
                }
            }
        }
        return null;
    }

    private void report(String thread, List<Edge> cycle) {
        Set<String> classes = new LinkedHashSet<>();
        for (Edge e : cycle) {
            classes.add(e.from);
        }
        Set<String> gates = null;
        for (Edge e : cycle) {
            Set<String> g = new LinkedHashSet<>(e.alwaysHeld);
            g.removeAll(classes);
            if (gates == null) {
                gates = g;
            } else {
                gates.retainAll(g);
            }
        }
        List<String> sorted = new ArrayList<>(classes);
        Collections.sort(sorted);
        String members = String.join(",", sorted);
        String key = (gates.isEmpty() ? "cycle:" : "guarded:") + members;
        if (gates.isEmpty()) {
            // the same cycle taken unguarded: it is not guarded after all
            findings.supersede("guarded:" + members);
        } else if (reportedCycles.contains("cycle:" + members)) {
            return;
        }
        if (!reportedCycles.contains(key)) {
            cycles.add(new Cycle(new ArrayList<>(classes), gates));
            for (Edge e : cycle) {
                e.cycles.add(key);
            }
        }
        if (!reportedCycles.add(key)) {
            findings.add(existing(key));
            return;
        }
        Edge closing = cycle.getLast();
        String report = LockdepReport.circular(thread, closing, cycle, gates);
        List<String> stacks = new ArrayList<>();
        for (Edge e : cycle) {
            stacks.add(e.from + " -> " + e.to + ": " + String.join(" <- ", e.stack));
        }
        String chain = String.join(" --> ", cycle.stream().map(e -> e.from).toList()) + " --> " + closing.to;
        Finding f = gates.isEmpty()
                ? new Finding(Finding.Kind.CYCLE, null, "cycle", "possible circular locking dependency: " + chain, report, stacks, key)
                : new Finding(Finding.Kind.GUARDED_CYCLE, null, "guarded_cycle",
                "lock-order cycle guarded by " + String.join(", ", gates) + ": " + chain, report, stacks, key);
        findingsByKey.put(key, f);
        findings.add(f);
    }

    private final Map<String, Finding> findingsByKey = new HashMap<>();

    private Finding existing(String key) {
        return findingsByKey.get(key);
    }
}
