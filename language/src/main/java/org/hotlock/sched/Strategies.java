package org.hotlock.sched;

import org.hotlock.kernel.Event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The single-schedule strategies: seeded random, round-robin, a replayed schedule, and PCT. */
public final class Strategies {
    private Strategies() {
    }

    /** Each step, a uniformly random enabled thread; the seed fixes the whole schedule. */
    public static Chooser random(long seed) {
        Random random = new Random(seed);
        return (step, state) -> state.enabledId(random.nextInt(state.enabledCount()));
    }

    /** Threads take turns, one step each, skipping those that cannot run. */
    public static Chooser roundRobin() {
        return (step, state) -> {
            int n = state.threadCount();
            for (int i = 1; i <= n; i++) {
                int id = (state.previous() + i + n) % n;
                if (state.enabled(id)) {
                    return id;
                }
            }
            throw new IllegalStateException("no enabled thread");
        };
    }

    /**
     * Follows a saved schedule (thread names, one per step); a mismatch is an error. With the
     * trace's steps ({@link TraceFile#step}; empty: none to compare), each step that runs must be
     * the one the trace has there: the same thread schedule on a scenario changed since would
     * replay another execution, and its outcome would pass for the trace's.
     */
    public static Chooser replay(List<String> schedule, List<String> steps) {
        return new Chooser() {
            /** The scheduler's threads, as the last choice saw them: the steps name their threads from it. */
            private StateView threads;

            @Override
            public int choose(int step, StateView state) {
                if (step >= schedule.size()) {
                    throw new ReplayMismatch("the trace ends after " + schedule.size() + " steps but the execution goes on");
                }
                String name = schedule.get(step);
                for (int id = 0; id < state.threadCount(); id++) {
                    if (state.name(id).equals(name)) {
                        if (!state.enabled(id)) {
                            throw new ReplayMismatch("step " + step + " of the trace runs " + name + ", which cannot run here");
                        }
                        threads = state;
                        return id;
                    }
                }
                throw new ReplayMismatch("step " + step + " of the trace runs " + name + ", which this scenario does not declare");
            }

            @Override
            public void executed(int step, Event event) {
                if (step < steps.size()) {
                    String ran = TraceFile.step(threads.name(event.thread()), event.kind().name(), event.description());
                    if (!ran.equals(steps.get(step))) {
                        throw new ReplayMismatch("step " + step + " of the trace is " + steps.get(step) + ", but here it is " + ran
                                + " (has the scenario or its kernel model changed since the trace was saved?)");
                    }
                }
            }
        };
    }

    /** The trace does not fit the scenario: it was recorded from another file or model. */
    public static final class ReplayMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ReplayMismatch(String message) {
            super(message);
        }
    }

    /**
     * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): threads get random
     * distinct priorities above d; the highest-priority enabled thread always runs; at d-1
     * random steps (of an estimated k) the running thread drops to a low priority. A bug of
     * depth d is found by one run with probability at least 1/(n k^(d-1)). There are no more
     * than k steps to change priority at, so a depth above k + 1 runs as k + 1 (whatever depth
     * is asked for, the run needs memory for k change points only).
     */
    public static Chooser pct(long seed, int requestedDepth, int estimatedSteps, int threads) {
        int depth = (int) Math.min(requestedDepth, Math.max(1, estimatedSteps) + 1L);
        Random random = new Random(seed);
        int[] priority = new int[threads];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < threads; i++) {
            priority[order.get(i)] = depth + i;
        }
        int[] changePoints = new int[Math.max(0, depth - 1)];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + random.nextInt(Math.max(1, estimatedSteps));
        }
        int[][] priorities = {priority};
        return (step, state) -> {
            int[] p = priorities[0];
            if (state.threadCount() > p.length) {
                // a spawned thread gets a random priority among the others
                int old = p.length;
                p = Arrays.copyOf(p, state.threadCount());
                for (int id = old; id < p.length; id++) {
                    p[id] = depth + random.nextInt(id + 1);
                }
                priorities[0] = p;
            }
            for (int i = 0; i < changePoints.length; i++) {
                if (changePoints[i] == step && state.previous() >= 0) {
                    p[state.previous()] = depth - 1 - i;
                }
            }
            int best = -1;
            for (int k = 0; k < state.enabledCount(); k++) {
                int id = state.enabledId(k);
                if (best < 0 || p[id] > p[best]) {
                    best = id;
                }
            }
            return best;
        };
    }
}
