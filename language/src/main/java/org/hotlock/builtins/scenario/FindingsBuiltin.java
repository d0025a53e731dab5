package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.check.Checks;
import org.hotlock.check.Finding;
import org.hotlock.check.FindingLog;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

import java.util.List;

/**
 * {@code findings()}: every distinct finding so far as structs (kind, rule, category, title,
 * report, count, stacks): the same findings the terminal shows, as data for scripts, CI
 * reports and embedders.
 */
@Builtin(name = "findings", doc = "findings(): every distinct finding so far, as structs")
public abstract class FindingsBuiltin extends KernelBuiltinNode {
    static final StructType TYPE = new StructType("finding", List.of("kind", "rule", "category", "title", "report", "count", "stacks"));

    @Specialization
    @TruffleBoundary
    protected Object findings() {
        Checks checks = context().checks();
        HLList result = new HLList();
        if (checks == null) {
            return result;
        }
        for (FindingLog.Entry e : checks.findings().entries()) {
            Finding f = e.finding();
            HLObject o = TYPE.instantiate();
            o.set("kind", f.kind().name().toLowerCase());
            o.set("rule", f.rule() == null ? HLNull.SINGLETON : f.rule());
            o.set("category", f.category());
            o.set("title", f.title());
            o.set("report", f.report());
            o.set("count", (long) e.count());
            o.set("stacks", new HLList(f.stacks()));
            result.add(o);
        }
        return result;
    }
}
