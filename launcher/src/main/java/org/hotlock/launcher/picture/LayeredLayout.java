package org.hotlock.launcher.picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A top-down layered layout (after Sugiyama, Tagawa and Toda) for the small graphs HotLock
 * draws, a dozen lock classes a scenario: cycles broken by reversing the back edges of a
 * depth-first search, layers by longest path, a bend point on every layer a long edge
 * crosses (so no edge runs through a box), the order in each layer by barycentres (sweeps
 * down and up, keeping the order with the fewest crossings), and x by pulling each box toward
 * its neighbours without letting boxes of a layer overlap. The edges leave a box's bottom and
 * enter the next box's top at ports spread along its side in the order of their other ends.
 */
public final class LayeredLayout {
    static final double LAYER_GAP = 64;
    static final double NODE_GAP = 22;
    static final double BEND_GAP = 12;

    private final double[] widths;
    private final double nodeHeight;
    private final List<int[]> edges;

    /** Where each box is (its top-left corner) and each edge's points, from its source to its target. */
    public record Result(double[] x, double[] y, List<double[][]> edgePoints, double width, double height) {
    }

    /**
     * @param widths the width of each box
     * @param edges  {from, to} box indices; no edge from a box to itself, none twice
     */
    public LayeredLayout(double[] widths, double nodeHeight, List<int[]> edges) {
        this.widths = widths;
        this.nodeHeight = nodeHeight;
        this.edges = edges;
    }

    public Result layout() {
        int n = widths.length;
        boolean[] reversed = backEdges(n);
        int[] layer = layers(n, reversed);
        // the graph with bend points: vertex v < n is a box, v >= n a bend point
        List<Integer> vertexLayer = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            vertexLayer.add(layer[v]);
        }
        List<int[]> chains = new ArrayList<>();   // per edge: its vertices, top to bottom
        for (int i = 0; i < edges.size(); i++) {
            int[] e = edges.get(i);
            int top = reversed[i] ? e[1] : e[0];
            int bottom = reversed[i] ? e[0] : e[1];
            int[] chain = new int[layer[bottom] - layer[top] + 1];
            chain[0] = top;
            chain[chain.length - 1] = bottom;
            for (int k = 1; k < chain.length - 1; k++) {
                chain[k] = vertexLayer.size();
                vertexLayer.add(layer[top] + k);
            }
            chains.add(chain);
        }
        int vertices = vertexLayer.size();
        int layers = 1 + vertexLayer.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<Integer>> up = adjacency(vertices, chains, true);
        List<List<Integer>> down = adjacency(vertices, chains, false);
        List<List<Integer>> order = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            order.add(new ArrayList<>());
        }
        for (int v = 0; v < vertices; v++) {
            order.get(vertexLayer.get(v)).add(v);
        }
        order = minimiseCrossings(order, up, down);
        double[] w = new double[vertices];
        for (int v = 0; v < vertices; v++) {
            w[v] = v < n ? widths[v] : 0;
        }
        double[] cx = place(order, up, down, w);
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        for (int v = 0; v < vertices; v++) {
            minX = Math.min(minX, cx[v] - w[v] / 2);
            maxX = Math.max(maxX, cx[v] + w[v] / 2);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int v = 0; v < n; v++) {
            x[v] = cx[v] - w[v] / 2 - minX;
            y[v] = layer[v] * (nodeHeight + LAYER_GAP);
        }
        double[][] ports = ports(n, chains, cx, w, order, minX);
        List<double[][]> points = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            int[] chain = chains.get(i);
            double[][] p = new double[chain.length][];
            p[0] = new double[]{ports[i][0], y[chain[0]] + nodeHeight};
            for (int k = 1; k < chain.length - 1; k++) {
                p[k] = new double[]{cx[chain[k]] - minX, vertexLayer.get(chain[k]) * (nodeHeight + LAYER_GAP) + nodeHeight / 2};
            }
            p[chain.length - 1] = new double[]{ports[i][1], y[chain[chain.length - 1]]};
            if (reversed[i]) {
                List<double[]> l = new ArrayList<>(Arrays.asList(p));
                java.util.Collections.reverse(l);
                p = l.toArray(new double[0][]);
            }
            points.add(p);
        }
        return new Result(x, y, points, maxX - minX, layers * (nodeHeight + LAYER_GAP) - LAYER_GAP);
    }

    /** Which edges a depth-first search from the boxes without predecessors finds going back. */
    private boolean[] backEdges(int n) {
        int[] indegree = new int[n];
        for (int[] e : edges) {
            indegree[e[1]]++;
        }
        Integer[] starts = new Integer[n];
        for (int v = 0; v < n; v++) {
            starts[v] = v;
        }
        Arrays.sort(starts, Comparator.comparingInt(v -> indegree[v]));
        int[] state = new int[n];   // 0 new, 1 on the stack, 2 done
        boolean[] reversed = new boolean[edges.size()];
        for (int s : starts) {
            if (state[s] == 0) {
                visit(s, state, reversed);
            }
        }
        return reversed;
    }

    private void visit(int v, int[] state, boolean[] reversed) {
        state[v] = 1;
        for (int i = 0; i < edges.size(); i++) {
            int[] e = edges.get(i);
            if (e[0] != v) {
                continue;
            }
            if (state[e[1]] == 1) {
                reversed[i] = true;
            } else if (state[e[1]] == 0) {
                visit(e[1], state, reversed);
            }
        }
        state[v] = 2;
    }

    /** Longest-path layers of the graph with the back edges turned round. */
    private int[] layers(int n, boolean[] reversed) {
        int[] layer = new int[n];
        boolean changed = true;
        for (int round = 0; changed && round <= n; round++) {
            changed = false;
            for (int i = 0; i < edges.size(); i++) {
                int top = reversed[i] ? edges.get(i)[1] : edges.get(i)[0];
                int bottom = reversed[i] ? edges.get(i)[0] : edges.get(i)[1];
                if (layer[bottom] < layer[top] + 1) {
                    layer[bottom] = layer[top] + 1;
                    changed = true;
                }
            }
        }
        return layer;
    }

    private static List<List<Integer>> adjacency(int vertices, List<int[]> chains, boolean upward) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            adj.add(new ArrayList<>());
        }
        for (int[] chain : chains) {
            for (int k = 0; k + 1 < chain.length; k++) {
                if (upward) {
                    adj.get(chain[k + 1]).add(chain[k]);
                } else {
                    adj.get(chain[k]).add(chain[k + 1]);
                }
            }
        }
        return adj;
    }

    private static List<List<Integer>> minimiseCrossings(List<List<Integer>> order, List<List<Integer>> up, List<List<Integer>> down) {
        List<List<Integer>> best = copy(order);
        int bestCrossings = crossings(order, down);
        List<List<Integer>> current = copy(order);
        for (int sweep = 0; sweep < 24 && bestCrossings > 0; sweep++) {
            boolean downward = sweep % 2 == 0;
            for (int i = 1; i < current.size(); i++) {
                int l = downward ? i : current.size() - 1 - i;
                List<Integer> fixed = current.get(downward ? l - 1 : l + 1);
                sortByBarycentre(current.get(l), fixed, downward ? up : down);
            }
            int c = crossings(current, down);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(current);
            }
        }
        return best;
    }

    private static void sortByBarycentre(List<Integer> layer, List<Integer> fixed, List<List<Integer>> neighbours) {
        double[] key = new double[layer.size()];
        for (int i = 0; i < layer.size(); i++) {
            List<Integer> ns = neighbours.get(layer.get(i));
            double sum = 0;
            for (int u : ns) {
                sum += fixed.indexOf(u);
            }
            // a vertex with no neighbour there keeps its place
            key[i] = ns.isEmpty() ? i : sum / ns.size();
        }
        Integer[] idx = new Integer[layer.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> key[i]));
        List<Integer> sorted = new ArrayList<>();
        for (int i : idx) {
            sorted.add(layer.get(i));
        }
        layer.clear();
        layer.addAll(sorted);
    }

    static int crossings(List<List<Integer>> order, List<List<Integer>> down) {
        int count = 0;
        for (int l = 0; l + 1 < order.size(); l++) {
            List<Integer> upper = order.get(l);
            List<Integer> lower = order.get(l + 1);
            List<int[]> segments = new ArrayList<>();
            for (int i = 0; i < upper.size(); i++) {
                for (int v : down.get(upper.get(i))) {
                    segments.add(new int[]{i, lower.indexOf(v)});
                }
            }
            for (int a = 0; a < segments.size(); a++) {
                for (int b = a + 1; b < segments.size(); b++) {
                    int[] s = segments.get(a);
                    int[] t = segments.get(b);
                    if ((s[0] - t[0]) * (s[1] - t[1]) < 0) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** Centre x of every vertex: packed left to right, then pulled toward its neighbours' centres. */
    private static double[] place(List<List<Integer>> order, List<List<Integer>> up, List<List<Integer>> down, double[] w) {
        double[] cx = new double[w.length];
        for (List<Integer> layer : order) {
            double at = 0;
            for (int v : layer) {
                cx[v] = at + w[v] / 2;
                at += w[v] + gap(w[v]);
            }
        }
        for (int pass = 0; pass < 16; pass++) {
            boolean downward = pass % 2 == 0;
            for (int i = 0; i < order.size(); i++) {
                List<Integer> layer = order.get(downward ? i : order.size() - 1 - i);
                double[] want = new double[layer.size()];
                for (int k = 0; k < layer.size(); k++) {
                    int v = layer.get(k);
                    List<Integer> ns = new ArrayList<>(up.get(v));
                    ns.addAll(down.get(v));
                    double sum = 0;
                    for (int u : ns) {
                        sum += cx[u];
                    }
                    want[k] = ns.isEmpty() ? cx[v] : sum / ns.size();
                }
                // keep the order and the gaps: push right from the left, then left from the right, and average
                double[] right = new double[layer.size()];
                double[] left = new double[layer.size()];
                for (int k = 0; k < layer.size(); k++) {
                    right[k] = k == 0 ? want[k] : Math.max(want[k], right[k - 1] + separation(w, layer.get(k - 1), layer.get(k)));
                }
                for (int k = layer.size() - 1; k >= 0; k--) {
                    left[k] = k == layer.size() - 1 ? want[k] : Math.min(want[k], left[k + 1] - separation(w, layer.get(k), layer.get(k + 1)));
                }
                for (int k = 0; k < layer.size(); k++) {
                    cx[layer.get(k)] = (right[k] + left[k]) / 2;
                }
                for (int k = 1; k < layer.size(); k++) {
                    double min = cx[layer.get(k - 1)] + separation(w, layer.get(k - 1), layer.get(k));
                    if (cx[layer.get(k)] < min) {
                        cx[layer.get(k)] = min;
                    }
                }
            }
        }
        return cx;
    }

    private static double gap(double width) {
        return width == 0 ? BEND_GAP : NODE_GAP;
    }

    private static double separation(double[] w, int a, int b) {
        return w[a] / 2 + w[b] / 2 + Math.max(gap(w[a]), gap(w[b]));
    }

    /** Per edge: the x where it leaves its top box and where it enters its bottom box. */
    private double[][] ports(int n, List<int[]> chains, double[] cx, double[] w, List<List<Integer>> order, double minX) {
        double[][] ports = new double[chains.size()][2];
        for (int v = 0; v < n; v++) {
            spread(v, chains, cx, w, minX, ports, true);
            spread(v, chains, cx, w, minX, ports, false);
        }
        return ports;
    }

    private void spread(int v, List<int[]> chains, double[] cx, double[] w, double minX, double[][] ports, boolean bottom) {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            int[] c = chains.get(i);
            if ((bottom ? c[0] : c[c.length - 1]) == v) {
                mine.add(i);
            }
        }
        mine.sort(Comparator.comparingDouble(i -> {
            int[] c = chains.get(i);
            return cx[bottom ? c[1] : c[c.length - 2]];
        }));
        double span = w[v] * 0.8;
        for (int k = 0; k < mine.size(); k++) {
            double at = cx[v] - span / 2 + span * (k + 1) / (mine.size() + 1);
            ports[mine.get(k)][bottom ? 0 : 1] = at - minX;
        }
    }

    private static List<List<Integer>> copy(List<List<Integer>> order) {
        List<List<Integer>> c = new ArrayList<>();
        for (List<Integer> l : order) {
            c.add(new ArrayList<>(l));
        }
        return c;
    }
}
