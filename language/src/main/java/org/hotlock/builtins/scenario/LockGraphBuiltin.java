package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.check.Checks;
import org.hotlock.check.LockGraph;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lock_graph()}: the lock dependency graph: {@code edges} (from, to, at: the first
 * place taken, stack) and {@code cycles} (classes, gates: empty for a real cycle).
 */
@Builtin(name = "lock_graph", doc = "lock_graph(): the lock dependencies and the cycles found, as data")
public abstract class LockGraphBuiltin extends KernelBuiltinNode {
    static final StructType GRAPH = new StructType("lock_graph", List.of("edges", "cycles"));
    static final StructType EDGE = new StructType("dependency", List.of("from", "to", "at", "stack"));
    static final StructType CYCLE = new StructType("cycle", List.of("classes", "gates"));

    @Specialization
    @TruffleBoundary
    protected Object graph() {
        Checks checks = context().checks();
        HLObject g = GRAPH.instantiate();
        HLList edges = new HLList();
        HLList cycles = new HLList();
        if (checks != null) {
            for (LockGraph.Edge e : checks.lockGraph().edges()) {
                HLObject o = EDGE.instantiate();
                o.set("from", e.from());
                o.set("to", e.to());
                o.set("at", e.stack().isEmpty() ? "?" : e.stack().getFirst());
                o.set("stack", new HLList(new ArrayList<Object>(e.stack())));
                edges.add(o);
            }
            for (LockGraph.Cycle c : checks.lockGraph().cycles()) {
                HLObject o = CYCLE.instantiate();
                o.set("classes", new HLList(new ArrayList<Object>(c.classes())));
                o.set("gates", new HLList(new ArrayList<Object>(c.gates())));
                cycles.add(o);
            }
        }
        g.set("edges", edges);
        g.set("cycles", cycles);
        return g;
    }
}
