package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.ThreadSpec;
import org.hotlock.scenario.ScenarioRunner;
import org.hotlock.sched.ScenarioReport;

import java.util.ArrayList;
import java.util.List;

/** {@code explore { probe, admin }} (or {@code run}, {@code pct}): runs those threads together. */
@NodeInfo(shortName = "scenario")
public final class ScenarioNode extends HLExpressionNode {
    private final String mode;
    @Children private final HLExpressionNode[] threads;
    private final List<String> expected;

    public ScenarioNode(String mode, HLExpressionNode[] threads, List<String> expected) {
        this.mode = mode;
        this.threads = threads;
        this.expected = expected;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] values = new Object[threads.length];
        for (int i = 0; i < threads.length; i++) {
            values[i] = threads[i].executeGeneric(frame);
        }
        return run(values);
    }

    @TruffleBoundary
    private Object run(Object[] values) {
        List<ThreadSpec> specs = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] instanceof ThreadSpec spec)) {
                throw new HLException(mode + " takes threads, not " + Display.typeName(values[i]), threads[i]);
            }
            specs.add(spec);
        }
        HotLockContext context = context();
        ScenarioRunner runner = new ScenarioRunner(context, this);
        ScenarioReport report = runner.run(ScenarioRunner.mode(mode, this), specs, expected);
        return report.summary();
    }
}
