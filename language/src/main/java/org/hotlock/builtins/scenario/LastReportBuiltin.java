package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.context.HotLockContext;
import org.hotlock.kernel.Event;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;
import org.hotlock.sched.Outcome;
import org.hotlock.sched.ScenarioReport;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code last_report()}: the report of the last scenario as a value: mode, executions,
 * complete, summary, failure (kind, category, message, thread, stack, schedule) and the
 * findings; null before any scenario ran.
 */
@Builtin(name = "last_report", doc = "last_report(): the last scenario's report (mode, executions, failure, findings) or null")
public abstract class LastReportBuiltin extends KernelBuiltinNode {
    static final StructType REPORT = new StructType("report", List.of("mode", "executions", "complete", "clean", "summary", "failure", "findings"));
    static final StructType FAILURE = new StructType("failure", List.of("kind", "category", "message", "thread", "stack", "schedule", "steps"));

    @Specialization
    @TruffleBoundary
    protected Object report() {
        return build();
    }

    @TruffleBoundary
    private Object build() {
        HotLockContext context = context();
        ScenarioReport r = context.lastReport();
        if (r == null) {
            return HLNull.SINGLETON;
        }
        HLObject report = REPORT.instantiate();
        report.set("mode", r.mode().name().toLowerCase());
        report.set("executions", r.executions());
        report.set("complete", r.complete());
        Outcome f = r.failure();
        report.set("summary", r.summary());
        if (f != null) {
            HLObject failure = FAILURE.instantiate();
            failure.set("kind", f.kind().name().toLowerCase());
            failure.set("category", f.category());
            failure.set("message", f.message());
            failure.set("thread", f.thread() == null ? HLNull.SINGLETON : f.thread());
            failure.set("stack", new HLList(new ArrayList<Object>(f.stack())));
            failure.set("schedule", new HLList(new ArrayList<Object>(f.scheduleNames())));
            HLList steps = new HLList();
            for (Event e : f.trace()) {
                steps.add(new HLList(List.of(f.threadNames().get(e.thread()), e.description())));
            }
            failure.set("steps", steps);
            report.set("failure", failure);
        }
        Object findings = context.lookup("findings") instanceof HLFunction fn
                ? fn.callTarget().call() : new HLList();
        report.set("findings", findings);
        report.set("clean", f == null && findings instanceof HLList l && l.size() == 0);
        return report;
    }
}
