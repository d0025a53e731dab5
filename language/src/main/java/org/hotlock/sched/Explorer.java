package org.hotlock.sched;

import org.hotlock.kernel.Event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Explores the interleavings of an execution, re-running it from the same initial state with
 * a different schedule each time, depth first. With dynamic partial-order reduction
 * (Flanagan and Godefroid, POPL 2005) and sleep sets, only schedules that reorder dependent
 * steps (two threads touching one lock or one shared field, one of them writing) are run; a thread that
 * waits for a lock is simply not enabled, so a restarted sysfs write adds no schedules until
 * the lock is released. An optional preemption bound (Musuvathi and Qadeer)
 * limits the context switches away from a thread that could have gone on.
 */
public final class Explorer implements Search {

    /** One state on the current path: what could run, what must still be tried. */
    private static final class Node {
        final BitSet enabled = new BitSet();
        final Event[] pending;
        final BitSet backtrack = new BitSet();
        final BitSet done = new BitSet();
        /** Threads the preemption bound kept from running here: not done, so never put to sleep. */
        final BitSet skipped = new BitSet();
        final BitSet sleep = new BitSet();
        final int preemptions;
        final int previous;
        int chosen = -1;
        Event executed;
        int[] clock;

        Node(int threads, int preemptions, int previous) {
            this.pending = new Event[threads];
            this.preemptions = preemptions;
            this.previous = previous;
        }
    }

    public record Result(Outcome failure, long executions, long abandoned, boolean bounded, int maxDepth, boolean timedOut) {
    }

    private final boolean reduce;
    private final int preemptionBound;
    private final List<Node> path = new ArrayList<>();
    private int replayDepth;
    private boolean bounded;
    private int maxDepth;
    // happens-before for the execution in progress
    private int[][] threadClocks;
    private final Map<Object, int[]> accessClocks = new HashMap<>();
    private final Map<Object, int[]> writeClocks = new HashMap<>();

    /**
     * @param reduce          false explores every interleaving (the naive count)
     * @param preemptionBound the most preemptions a schedule may have; negative for none
     */
    public Explorer(boolean reduce, int preemptionBound) {
        this.reduce = reduce;
        this.preemptionBound = preemptionBound;
    }

    /**
     * Explores until every schedule the reduction needs has run, a failure is found, or the
     * execution budget is used up.
     *
     * @param execution runs one execution from the initial state with this explorer choosing
     */
    @Override
    public Result explore(Supplier<Outcome> execution, long maxExecutions, LongConsumer progress) {
        long executions = 0;
        long abandoned = 0;
        while (true) {
            replayDepth = path.size();
            threadClocks = null;
            accessClocks.clear();
            writeClocks.clear();
            Outcome outcome = execution.get();
            executions++;
            if (outcome.kind() == Outcome.Kind.ABANDONED) {
                abandoned++;
            }
            if (progress != null) {
                progress.accept(executions);
            }
            if (outcome.kind() == Outcome.Kind.TIME_BOUND) {
                return new Result(null, executions, abandoned, true, maxDepth, true);
            }
            if (outcome.failed()) {
                return new Result(outcome, executions, abandoned, bounded, maxDepth, false);
            }
            // the deepest state with a choice still to try
            while (!path.isEmpty()) {
                Node top = path.getLast();
                int next = nextChoice(top);
                if (next >= 0) {
                    top.chosen = next;
                    break;
                }
                path.removeLast();
            }
            if (path.isEmpty()) {
                return new Result(null, executions, abandoned, bounded, maxDepth, false);
            }
            if (executions >= maxExecutions) {
                bounded = true;
                return new Result(null, executions, abandoned, true, maxDepth, false);
            }
        }
    }

    private int nextChoice(Node node) {
        for (int t = node.backtrack.nextSetBit(0); t >= 0; t = node.backtrack.nextSetBit(t + 1)) {
            if (node.done.get(t) || node.skipped.get(t) || (reduce && node.sleep.get(t))) {
                continue;
            }
            if (exceedsBound(node, t)) {
                bounded = true;
                node.skipped.set(t);
                continue;
            }
            return t;
        }
        return -1;
    }

    private boolean exceedsBound(Node node, int t) {
        return preemptionBound >= 0 && node.preemptions + preemption(node, t) > preemptionBound;
    }

    private static int preemption(Node node, int t) {
        return node.previous >= 0 && node.previous != t && node.enabled.get(node.previous) ? 1 : 0;
    }

    @Override
    public int choose(int step, StateView state) {
        int threads = state.threadCount();
        if (threadClocks == null) {
            threadClocks = new int[threads][threads];
        } else if (threads > threadClocks.length) {
            // a thread was spawned: every clock gets a component for it
            int[][] grown = new int[threads][];
            for (int t = 0; t < threads; t++) {
                grown[t] = Arrays.copyOf(t < threadClocks.length ? threadClocks[t] : new int[0], threads);
            }
            threadClocks = grown;
        }
        if (step < replayDepth) {
            Node node = path.get(step);
            node.done.set(node.chosen);
            return node.chosen;
        }
        Node parent = path.isEmpty() ? null : path.getLast();
        int preemptions = parent == null ? 0 : parent.preemptions + preemption(parent, parent.chosen);
        Node node = new Node(threads, preemptions, state.previous());
        for (int t = 0; t < threads; t++) {
            node.pending[t] = state.pending(t);
            if (state.enabled(t)) {
                node.enabled.set(t);
            }
        }
        if (reduce && parent != null && preemptionBound < 0) {
            // sleep set: threads already explored (or asleep) at the parent whose next step is
            // independent of the step taken stay asleep here. Not under a preemption bound: the
            // explored sibling may have reached the equivalent schedule only by a preemption the
            // bound forbids, so putting the thread to sleep here would lose schedules within it
            // (Coons, Musuvathi and McKinley, OOPSLA 2013)
            BitSet candidates = (BitSet) parent.sleep.clone();
            candidates.or(parent.done);
            candidates.clear(parent.chosen);
            Event taken = parent.pending[parent.chosen];
            for (int t = candidates.nextSetBit(0); t >= 0; t = candidates.nextSetBit(t + 1)) {
                if (t < parent.pending.length && !taken.dependent(parent.pending[t]) && t < threads) {
                    node.sleep.set(t);
                }
            }
        }
        path.add(node);
        maxDepth = Math.max(maxDepth, path.size());
        if (reduce) {
            addBacktrackPoints(step, node, threads);
        } else {
            node.backtrack.or(node.enabled);
        }
        int first = -1;
        for (int t = node.enabled.nextSetBit(0); t >= 0; t = node.enabled.nextSetBit(t + 1)) {
            if (reduce && node.sleep.get(t)) {
                continue;
            }
            if (exceedsBound(node, t)) {
                bounded = true;
                continue;
            }
            first = t;
            break;
        }
        if (first < 0) {
            // every enabled thread is asleep: this execution could only repeat an explored one
            path.removeLast();
            return ABANDON;
        }
        node.backtrack.set(first);
        node.done.set(first);
        node.chosen = first;
        return first;
    }

    /**
     * For each thread's next step, the latest earlier step of another thread it races with
     * (dependent, not ordered by happens-before) must also be tried the other way round: add a
     * thread to that state's backtrack set.
     */
    private void addBacktrackPoints(int step, Node node, int threads) {
        for (int p = 0; p < threads; p++) {
            Event next = node.pending[p];
            if (next == null) {
                continue;
            }
            // once a step on its object happens before it, so do the earlier ones
            if (next.object() == null) {
                continue;
            }
            for (int k = step - 1; k >= 0; k--) {
                Node at = path.get(k);
                Event e = at.executed;
                if (e == null || !e.dependent(next)) {
                    continue;
                }
                if (p >= threadClocks.length || at.clock[e.thread()] <= threadClocks[p][e.thread()]) {
                    // e happens before p's next step: no race
                    if (next.object().equals(e.object())) {
                        break;
                    }
                    continue;
                }
                if (at.enabled.get(p)) {
                    backtrack(k, p);
                } else {
                    boolean added = false;
                    for (int j = k + 1; j < step && !added; j++) {
                        Event later = path.get(j).executed;
                        if (later != null && later.thread() < threadClocks[p].length
                                && path.get(j).clock[later.thread()] <= threadClocks[p][later.thread()]
                                && at.enabled.get(later.thread())) {
                            backtrack(k, later.thread());
                            added = true;
                        }
                    }
                    if (!added) {
                        for (int t = at.enabled.nextSetBit(0); t >= 0; t = at.enabled.nextSetBit(t + 1)) {
                            backtrack(k, t);
                        }
                    }
                }
                break;
            }
        }
    }

    /**
     * Thread t must also run first at state k. Under a preemption bound that would be a
     * preemption beyond the bound, so, as bounded partial-order reduction does (Coons,
     * Musuvathi and McKinley, OOPSLA 2013), t is also tried at the latest earlier state where
     * running it is not a preemption: the schedules within the bound that reorder the race
     * there are then explored too (with a bound of 0: every non-preemptive order).
     */
    private void backtrack(int k, int t) {
        Node at = path.get(k);
        at.backtrack.set(t);
        if (preemptionBound < 0 || !exceedsBound(at, t)) {
            return;
        }
        for (int m = k; m >= 0; m--) {
            Node earlier = path.get(m);
            if (earlier.enabled.get(t) && preemption(earlier, t) == 0) {
                earlier.backtrack.set(t);
                return;
            }
        }
    }

    @Override
    public void executed(int step, Event event) {
        Node node = path.get(step);
        node.executed = event;
        int t = event.thread();
        int[] clock = Arrays.copyOf(threadClocks[t], threadClocks.length);
        if (event.object() != null) {
            join(clock, event.write() ? accessClocks.get(event.object()) : writeClocks.get(event.object()));
        }
        clock[t]++;
        threadClocks[t] = clock;
        if (event.object() != null) {
            accessClocks.merge(event.object(), clock.clone(), Explorer::joined);
            if (event.write()) {
                writeClocks.merge(event.object(), clock.clone(), Explorer::joined);
            }
        }
        node.clock = clock;
    }

    private static void join(int[] into, int[] other) {
        if (other == null) {
            return;
        }
        for (int i = 0; i < Math.min(into.length, other.length); i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }

    private static int[] joined(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, Math.max(a.length, b.length));
        join(r, b);
        return r;
    }

    @Override
    public int maxDepth() {
        return maxDepth;
    }
}
