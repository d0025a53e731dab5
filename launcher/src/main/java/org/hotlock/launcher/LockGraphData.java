package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A context's lock dependency graph (the {@code lock_graph()} builtin) as plain Java values,
 * and drawn as Graphviz DOT: for {@code check --graph} and the REPL's /graph.
 */
public final class LockGraphData {
    /** Each edge: from, to, at (where first taken). */
    final List<Map<String, Object>> edges = new ArrayList<>();
    /** Each cycle: classes, gates (empty for a real cycle, the common outer locks for a guarded one). */
    final List<Map<String, Object>> cycles = new ArrayList<>();

    /** The graph of the context, built over everything it ran so far. */
    public static LockGraphData of(Context context) {
        LockGraphData data = new LockGraphData();
        Value g = context.eval("hotlock", "lock_graph()");
        Value e = g.getMember("edges");
        for (long i = 0; i < e.getArraySize(); i++) {
            Value x = e.getArrayElement(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", x.getMember("from").asString());
            m.put("to", x.getMember("to").asString());
            m.put("at", x.getMember("at").asString());
            data.edges.add(m);
        }
        Value c = g.getMember("cycles");
        for (long i = 0; i < c.getArraySize(); i++) {
            Value x = c.getArrayElement(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("classes", CheckResult.strings(x.getMember("classes")));
            m.put("gates", CheckResult.strings(x.getMember("gates")));
            data.cycles.add(m);
        }
        return data;
    }

    public List<Map<String, Object>> edges() {
        return edges;
    }

    public List<Map<String, Object>> cycles() {
        return cycles;
    }

    /** The whole graph as one DOT document, labelled. */
    public String dot(String label) {
        StringBuilder sb = new StringBuilder(HEADER);
        cluster(sb, 0, label);
        return sb.append("}\n").toString();
    }

    static final String HEADER = "digraph hotlock_lock_order {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n  edge [fontname=\"monospace\", fontsize=9];\n";

    /** The graph as a DOT cluster: edges labelled with where they were first taken, cycles red, guarded ones dashed. */
    @SuppressWarnings("unchecked")
    void cluster(StringBuilder sb, int cluster, String label) {
        String prefix = "c" + cluster + "_";
        sb.append("  subgraph cluster_").append(cluster).append(" {\n    label=\"").append(dotText(label)).append("\";\n");
        Set<String> nodes = new LinkedHashSet<>();
        for (Map<String, Object> e : edges) {
            nodes.add((String) e.get("from"));
            nodes.add((String) e.get("to"));
        }
        for (String n : nodes) {
            sb.append("    \"").append(prefix).append(dotText(n)).append("\" [label=\"").append(dotText(n)).append("\"];\n");
        }
        for (Map<String, Object> e : edges) {
            String style = "";
            for (Map<String, Object> c : cycles) {
                List<String> classes = (List<String>) c.get("classes");
                List<String> gates = (List<String>) c.get("gates");
                if (classes.contains(e.get("from")) && classes.contains(e.get("to"))) {
                    style = gates.isEmpty() ? ", color=red, penwidth=2" : (style.contains("red") ? style : ", color=orange, style=dashed");
                }
            }
            sb.append("    \"").append(prefix).append(dotText((String) e.get("from"))).append("\" -> \"").append(prefix)
                    .append(dotText((String) e.get("to"))).append("\" [label=\"").append(dotText((String) e.get("at"))).append("\"")
                    .append(style).append("];\n");
        }
        sb.append("  }\n");
    }

    private static String dotText(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
