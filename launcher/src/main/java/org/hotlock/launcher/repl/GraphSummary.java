package org.hotlock.launcher.repl;

import org.hotlock.launcher.LockGraphData;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** /graph's text: the lock classes, each dependency with where it was first taken, and the cycles, guarded or not. */
final class GraphSummary {
    private GraphSummary() {
    }

    @SuppressWarnings("unchecked")
    static String text(LockGraphData graph, String file) {
        Set<String> classes = new TreeSet<>();
        for (Map<String, Object> e : graph.edges()) {
            classes.add((String) e.get("from"));
            classes.add((String) e.get("to"));
        }
        long guarded = graph.cycles().stream().filter(c -> !((List<String>) c.get("gates")).isEmpty()).count();
        StringBuilder sb = new StringBuilder();
        sb.append("|  lock graph: ").append(classes.size()).append(" lock classes, ").append(graph.edges().size())
                .append(" dependencies, ").append(graph.cycles().size() - guarded).append(" cycles, ").append(guarded)
                .append(" guarded cycles; written to ").append(file).append(" (dot -Tsvg ").append(file).append(")\n");
        for (Map<String, Object> e : graph.edges()) {
            sb.append("|    ").append(e.get("from")).append(" -> ").append(e.get("to")).append("   first at ").append(e.get("at")).append('\n');
        }
        for (Map<String, Object> c : graph.cycles()) {
            List<String> gates = (List<String>) c.get("gates");
            sb.append("|    cycle ").append(String.join(" -> ", (List<String>) c.get("classes")))
                    .append(gates.isEmpty() ? ": possible deadlock" : ": guarded by " + String.join(", ", gates)).append('\n');
        }
        return sb.toString();
    }
}
