package org.hotlock.launcher.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's lock dependency graph as a picture: a box per lock class, top down in the
 * order the locks are taken, an arrow per dependency A -> B (B taken while A was held). An
 * arrow is red when it is a step of a reported cycle with no gate (a possible deadlock),
 * orange and dashed when it is a step only of guarded cycles, grey otherwise; a gate lock's
 * box is drawn double. Arrows of a cycle are labelled with the function that first took them
 * (every arrow's tooltip has the whole place); a legend says all this under the graph.
 */
public final class LockGraphPicture {
    /** A dependency: {@code to} taken while {@code from} was held, first at {@code at}. */
    public record Dependency(String from, String to, String at) {
    }

    /** A reported cycle: its classes in the order of its dependencies, and its gates (none: a real cycle). */
    public record Cycle(List<String> classes, List<String> gates) {
    }

    /** How an arrow is drawn. */
    public enum Style {
        /** A step of a reported cycle without a gate. */
        CYCLE("#d00000", null, 2.2),
        /** A step of a guarded cycle only. */
        GUARDED("#e07000", "7,4", 1.8),
        /** Any other dependency. */
        PLAIN("#8a8a8a", null, 1.1);

        final String colour;
        final String dash;
        final double width;

        Style(String colour, String dash, double width) {
            this.colour = colour;
            this.dash = dash;
            this.width = width;
        }
    }

    static final String NONE = "no lock was taken while another was held: no dependency";
    static final double FONT = 13;
    static final double SMALL = 11;
    static final double BOX_HEIGHT = 26;
    static final double MARGIN = 16;

    private final String title;
    private final List<Dependency> dependencies;
    private final List<Cycle> cycles;

    public LockGraphPicture(String title, List<Dependency> dependencies, List<Cycle> cycles) {
        this.title = title;
        this.dependencies = dependencies;
        this.cycles = cycles;
    }

    /**
     * Red only for a step of a real cycle: consecutive classes of a cycle without gates (the
     * last class back to the first); dashed for a step of a guarded cycle that is no step of a
     * real one. Both ends on a cycle is not enough: the edge must be one of its steps.
     */
    public Style style(Dependency d) {
        Style style = Style.PLAIN;
        for (Cycle c : cycles) {
            if (steps(c, d)) {
                if (c.gates().isEmpty()) {
                    return Style.CYCLE;
                }
                style = Style.GUARDED;
            }
        }
        return style;
    }

    private static boolean steps(Cycle c, Dependency d) {
        List<String> k = c.classes();
        for (int i = 0; i < k.size(); i++) {
            if (k.get(i).equals(d.from()) && k.get((i + 1) % k.size()).equals(d.to())) {
                return true;
            }
        }
        return false;
    }

    /** The classes that gate a guarded cycle. */
    Set<String> gates() {
        Set<String> gates = new LinkedHashSet<>();
        for (Cycle c : cycles) {
            gates.addAll(c.gates());
        }
        return gates;
    }

    /** The function of a place ({@code "online_pages (kernel/4.20/memory_hotplug.hlk:12)"} is {@code online_pages}). */
    static String function(String at) {
        int paren = at.indexOf(" (");
        return paren < 0 ? at : at.substring(0, paren);
    }

    private List<String> classes() {
        Set<String> classes = new LinkedHashSet<>();
        for (Dependency d : dependencies) {
            classes.add(d.from());
            classes.add(d.to());
        }
        return new ArrayList<>(classes);
    }

    public String svg() {
        if (dependencies.isEmpty()) {
            Svg svg = new Svg(Math.max(Svg.textWidth(title, FONT), Svg.textWidth(NONE, SMALL)) + 2 * MARGIN, 2 * MARGIN + 2 * FONT + 10);
            svg.text(MARGIN, MARGIN + FONT, title, FONT, "#000", "start", true);
            svg.text(MARGIN, MARGIN + 2 * FONT + 6, NONE, SMALL, "#444", "start", false);
            return svg.toString();
        }
        List<String> classes = classes();
        Map<String, Integer> index = new LinkedHashMap<>();
        double[] widths = new double[classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
            widths[i] = Svg.textWidth(classes.get(i), FONT) + 20;
        }
        List<int[]> edges = new ArrayList<>();
        for (Dependency d : dependencies) {
            edges.add(new int[]{index.get(d.from()), index.get(d.to())});
        }
        LayeredLayout.Result layout = new LayeredLayout(widths, BOX_HEIGHT, edges).layout();
        List<String> legend = legendLines();
        String heading = Svg.fit(title, FONT, Math.max(layout.width(), 520));
        String counts = counts();
        double graphTop = MARGIN + 2 * (FONT + 6) + 12;
        double legendTop = graphTop + layout.height() + 28;
        double width = Math.max(Math.max(layout.width(), Svg.textWidth(heading, FONT)), legendWidth(legend)) + 2 * MARGIN;
        double height = legendTop + legend.size() * 20 + MARGIN;
        double left = MARGIN + (width - 2 * MARGIN - layout.width()) / 2;
        Svg svg = new Svg(width, height);
        svg.text(MARGIN, MARGIN + FONT, heading, FONT, "#000", "start", true);
        svg.text(MARGIN, MARGIN + 2 * FONT + 6, counts, SMALL, "#444", "start", false);
        Set<String> gates = gates();
        // plain arrows first, so the cycles' are drawn over them
        for (Style pass : new Style[]{Style.PLAIN, Style.GUARDED, Style.CYCLE}) {
            for (int i = 0; i < dependencies.size(); i++) {
                Dependency d = dependencies.get(i);
                if (style(d) != pass) {
                    continue;
                }
                double[][] p = shift(layout.edgePoints().get(i), left, graphTop);
                svg.group(d.from() + " -> " + d.to() + ": first taken at " + d.at());
                svg.path(p, true, pass.colour, pass.width, pass.dash);
                svg.arrowhead(beforeTip(p), p[p.length - 1], pass.colour, pass == Style.PLAIN ? 8 : 10);
                svg.end();
            }
        }
        List<double[]> taken = new ArrayList<>();   // boxes and labels placed: {x, y, width, height}
        for (int i = 0; i < classes.size(); i++) {
            taken.add(new double[]{left + layout.x()[i], graphTop + layout.y()[i], widths[i], BOX_HEIGHT});
        }
        for (int i = 0; i < dependencies.size(); i++) {
            Dependency d = dependencies.get(i);
            if (style(d) != Style.PLAIN) {
                String label = function(d.at());
                double labelWidth = Svg.textWidth(label, SMALL);
                double[] at = labelPlace(shift(layout.edgePoints().get(i), left, graphTop), labelWidth, taken);
                // on white, so that the arrows under it do not cross its letters
                svg.rect(at[0] - 1, at[1] - SMALL + 1, labelWidth + 2, SMALL + 2, "white", "none", 0, null);
                svg.text(at[0], at[1], label, SMALL, style(d).colour, "start", false);
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            double x = left + layout.x()[i];
            double y = graphTop + layout.y()[i];
            svg.group(classes.get(i) + (gates.contains(classes.get(i)) ? ": a gate lock" : ""));
            svg.rect(x, y, widths[i], BOX_HEIGHT, "#f4f6fb", "#334", 1.2, null);
            if (gates.contains(classes.get(i))) {
                svg.rect(x + 3, y + 3, widths[i] - 6, BOX_HEIGHT - 6, "none", "#334", 1, null);
            }
            svg.text(x + widths[i] / 2, y + BOX_HEIGHT / 2 + FONT * 0.35, classes.get(i), FONT, "#000", "middle", false);
            svg.end();
        }
        legend(svg, legend, legendTop);
        return svg.toString();
    }

    private String counts() {
        if (dependencies.isEmpty()) {
            return NONE;
        }
        long real = cycles.stream().filter(c -> c.gates().isEmpty()).count();
        return classes().size() + " lock classes, " + dependencies.size() + " dependencies, " + real + " cycle" + (real == 1 ? "" : "s")
                + ", " + (cycles.size() - real) + " guarded";
    }

    private List<String> legendLines() {
        List<String> lines = new ArrayList<>();
        lines.add("A -> B: B taken while A was held (an arrow's tooltip: where first taken)");
        lines.add("on a cycle: a possible deadlock (labelled with the function that took it)");
        Set<String> gates = gates();
        lines.add("on a cycle guarded by " + (gates.isEmpty() ? "a gate lock" : String.join(", ", gates)) + ": cannot deadlock");
        lines.add("a gate lock: held across every step of a guarded cycle");
        return lines;
    }

    private static double legendWidth(List<String> legend) {
        double w = 0;
        for (String l : legend) {
            w = Math.max(w, 48 + Svg.textWidth(l, SMALL));
        }
        return w;
    }

    private static void legend(Svg svg, List<String> lines, double top) {
        Style[] styles = {Style.PLAIN, Style.CYCLE, Style.GUARDED};
        for (int i = 0; i < lines.size(); i++) {
            double y = top + i * 20;
            if (i < styles.length) {
                double[][] p = {{MARGIN, y - 4}, {MARGIN + 34, y - 4}};
                svg.path(p, false, styles[i].colour, styles[i].width, styles[i].dash);
                svg.arrowhead(p[0], p[1], styles[i].colour, 8);
            } else {
                svg.rect(MARGIN, y - 12, 34, 14, "#f4f6fb", "#334", 1, null);
                svg.rect(MARGIN + 2.5, y - 9.5, 29, 9, "none", "#334", 0.8, null);
            }
            svg.text(MARGIN + 44, y, lines.get(i), SMALL, "#222", "start", false);
        }
    }

    private static double[][] shift(double[][] points, double dx, double dy) {
        double[][] p = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            p[i] = new double[]{points[i][0] + dx, points[i][1] + dy};
        }
        return p;
    }

    /** A point shortly before the tip along the line, for the arrowhead's direction. */
    private static double[] beforeTip(double[][] p) {
        return p[p.length - 2];
    }

    /**
     * Where an arrow's label goes (its baseline's start): beside the middle of the arrow, moved
     * up or down a line at a time until it covers no box and no other label.
     */
    private static double[] labelPlace(double[][] p, double width, List<double[]> taken) {
        double[] mid;
        if (p.length % 2 == 1) {
            mid = p[p.length / 2];
        } else {
            double[] a = p[p.length / 2 - 1];
            double[] b = p[p.length / 2];
            mid = new double[]{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
        }
        double x = mid[0] + 5;
        for (int k = 0; k < 12; k++) {
            double y = mid[1] + 4 + (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * (SMALL + 3);
            double[] box = {x - 1, y - SMALL, width + 2, SMALL + 3};
            if (taken.stream().noneMatch(t -> overlap(t, box))) {
                taken.add(box);
                return new double[]{x, y};
            }
        }
        return new double[]{x, mid[1] + 4};
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    /** The same graph in Graphviz DOT, top down, with the same colours and a legend. */
    public String dot() {
        StringBuilder sb = new StringBuilder("digraph hotlock_lock_order {\n  rankdir=TB;\n  labelloc=t;\n  label=\"")
                .append(dotText(title + "\\n" + counts())).append("\";\n  node [shape=box, fontname=\"monospace\"];\n")
                .append("  edge [fontname=\"monospace\", fontsize=9];\n");
        Set<String> gates = gates();
        for (String c : classes()) {
            sb.append("  \"").append(dotText(c)).append('"').append(gates.contains(c) ? " [peripheries=2]" : "").append(";\n");
        }
        for (Dependency d : dependencies) {
            Style s = style(d);
            sb.append("  \"").append(dotText(d.from())).append("\" -> \"").append(dotText(d.to())).append("\" [tooltip=\"")
                    .append(dotText(d.at())).append('"');
            switch (s) {
                case CYCLE -> sb.append(", color=red, penwidth=2, label=\"").append(dotText(function(d.at()))).append('"');
                case GUARDED -> sb.append(", color=orange, style=dashed, label=\"").append(dotText(function(d.at()))).append('"');
                case PLAIN -> sb.append(", color=gray50");
            }
            sb.append("];\n");
        }
        sb.append("  subgraph cluster_legend {\n    label=\"legend\";\n    node [shape=plaintext];\n")
                .append("    l1 [label=\"A\"]; l2 [label=\"B: taken while A held\"];\n")
                .append("    l3 [label=\"on a cycle\"]; l4 [label=\"a possible deadlock\"];\n")
                .append("    l5 [label=\"on a guarded cycle\"]; l6 [label=\"cannot deadlock\"];\n")
                .append("    l1 -> l2 [color=gray50]; l3 -> l4 [color=red, penwidth=2]; l5 -> l6 [color=orange, style=dashed];\n  }\n");
        return sb.append("}\n").toString();
    }

    private static String dotText(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n");
    }
}
