package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.hotlock.launcher.picture.LockGraphPicture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The graph as a picture (LockGraphPicture): SVG or DOT, labelled. */
    @SuppressWarnings("unchecked")
    public LockGraphPicture picture(String label) {
        List<LockGraphPicture.Dependency> dependencies = new ArrayList<>();
        for (Map<String, Object> e : edges) {
            dependencies.add(new LockGraphPicture.Dependency((String) e.get("from"), (String) e.get("to"), (String) e.get("at")));
        }
        List<LockGraphPicture.Cycle> cycleList = new ArrayList<>();
        for (Map<String, Object> c : cycles) {
            cycleList.add(new LockGraphPicture.Cycle((List<String>) c.get("classes"), (List<String>) c.get("gates")));
        }
        return new LockGraphPicture(label, dependencies, cycleList);
    }

    /** The whole graph as one DOT document, labelled. */
    public String dot(String label) {
        return picture(label).dot();
    }
}
