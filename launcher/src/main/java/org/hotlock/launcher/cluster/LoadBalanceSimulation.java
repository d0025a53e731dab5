package org.hotlock.launcher.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The load balance a cluster of N members would reach on a recorded schedule tree
 * (hotlock.RecordTree: per execution, in depth-first order, the steps shared with the one
 * before and its steps), simulated (bench/simulate-cluster). Each member runs executions of
 * its subtree in order, an execution costing its steps; whenever more members wait than
 * subtrees do, a member at an execution boundary hands over the next sibling branch of the
 * shallowest state on its current path that has one (at most one a state), as the search
 * does; a waiting member takes the oldest subtree waiting. Hand-over and network costs, and
 * subtrees a search re-explores because it added a schedule inside them, are left out: the
 * figure is the balance the splitting reaches, an upper bound on the speed-up.
 */
public final class LoadBalanceSimulation {
    private final int[] shared;
    private final int[] steps;
    /** Sparse table of minima of shared[], for "the first execution after p that leaves depth k". */
    private final int[][] minima;

    LoadBalanceSimulation(int[] shared, int[] steps) {
        this.shared = shared;
        this.steps = steps;
        int n = shared.length;
        int levels = 1;
        while ((1 << levels) <= n) {
            levels++;
        }
        minima = new int[levels][];
        minima[0] = shared.clone();
        for (int l = 1; l < levels; l++) {
            int span = 1 << l;
            minima[l] = new int[Math.max(0, n - span + 1)];
            for (int i = 0; i + span <= n; i++) {
                minima[l][i] = Math.min(minima[l - 1][i], minima[l - 1][i + span / 2]);
            }
        }
    }

    /** The first execution j in [from, n) with shared[j] <= depth; n if none. */
    int firstLeaving(int from, int depth) {
        int n = shared.length;
        int j = from;
        while (j < n) {
            int l = minima.length - 1;
            while (l > 0 && (j + (1 << l) > n || minima[l][j] <= depth)) {
                l--;
            }
            if (minima[l][j] <= depth) {
                return j;   // l == 0
            }
            j += 1 << l;
        }
        return n;
    }

    /** A member's subtree: executions [from, to) below depth base, less the ranges it handed over. */
    private final class Member {
        int at;
        int to;
        int base;
        long time;
        final List<int[]> handed = new ArrayList<>();
        final Set<Long> handedAt = new HashSet<>();

        void take(int[] range, long now) {
            at = range[0];
            to = range[1];
            base = range[2];
            time = now;
            handed.clear();
            handedAt.clear();
        }

        boolean busy() {
            skip();
            return at < to;
        }

        private void skip() {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int[] h : handed) {
                    if (at == h[0]) {
                        at = h[1];
                        moved = true;
                    }
                }
            }
        }

        /** The next sibling branch of the shallowest state on the path of execution {@code at} that has one. */
        int[] split() {
            int path = steps[at];
            for (int k = base + 1; k < path; k++) {
                int end = firstLeaving(at + 1, k);
                if (end >= to || shared[end] != k || !handedAt.add((long) k << 32 | end)) {
                    continue;
                }
                int next = firstLeaving(end + 1, k);
                int[] range = {end, Math.min(next, to), k + 1};
                handed.add(range);
                return range;
            }
            return null;
        }
    }

    /** The simulated run on N members: {makespan, total work, hand-overs}. */
    long[] run(int members) {
        long total = 0;
        for (int s : steps) {
            total += s;
        }
        Member[] m = new Member[members];
        for (int i = 0; i < members; i++) {
            m[i] = new Member();
        }
        m[0].take(new int[]{0, shared.length, -1}, 0);   // the root's own branches too
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        ArrayDeque<Member> waiting = new ArrayDeque<>(Arrays.asList(m).subList(1, members));
        // at the same time, a member that has finished waits before another hands over
        PriorityQueue<Member> running = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time)
                : Boolean.compare(a.busy(), b.busy()));
        running.add(m[0]);
        long handOvers = 0;
        long makespan = 0;
        while (!running.isEmpty()) {
            Member w = running.poll();
            if (!w.busy()) {
                makespan = Math.max(makespan, w.time);
                if (queue.isEmpty()) {
                    waiting.add(w);
                } else {
                    w.take(queue.poll(), w.time);
                    running.add(w);
                }
                continue;
            }
            while (waiting.size() > queue.size()) {
                int[] range = w.split();
                if (range == null) {
                    break;
                }
                handOvers++;
                Member idle = waiting.poll();
                idle.take(range, w.time);
                running.add(idle);
            }
            w.time += steps[w.at];
            w.at++;
            running.add(w);
        }
        return new long[]{makespan, total, handOvers};
    }

    /** {@code LoadBalanceSimulation TREE N...}: the simulated speed-up and balance for each N. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LoadBalanceSimulation TREE N... (TREE: recorded with hotlock.RecordTree)");
            System.exit(2);
        }
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            String line;
            while ((line = in.readLine()) != null) {
                int sp = line.indexOf(' ');
                rows.add(new int[]{Integer.parseInt(line.substring(0, sp)), Integer.parseInt(line.substring(sp + 1))});
            }
        }
        int[] shared = new int[rows.size()];
        int[] steps = new int[rows.size()];
        for (int i = 0; i < shared.length; i++) {
            shared[i] = rows.get(i)[0];
            steps[i] = rows.get(i)[1];
        }
        LoadBalanceSimulation sim = new LoadBalanceSimulation(shared, steps);
        System.out.printf(Locale.ROOT, "%s: %d executions%n", args[0], shared.length);
        System.out.println("members  speed-up  efficiency  hand-overs");
        for (int i = 1; i < args.length; i++) {
            int n = Integer.parseInt(args[i]);
            long[] r = sim.run(n);
            double speedUp = (double) r[1] / r[0];
            System.out.printf(Locale.ROOT, "%7d  %8.1f  %9.0f%%  %10d%n", n, speedUp, 100 * speedUp / n, r[2]);
        }
    }
}
