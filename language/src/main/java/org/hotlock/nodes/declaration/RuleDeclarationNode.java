package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.check.Rule;
import org.hotlock.context.HotLockContext;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockMode;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rule R3 "text" { on call device_online, device_offline require held(device_hotplug_lock) }}:
 * declares a locking rule, checked from then on. Lock expressions are evaluated here.
 */
@NodeInfo(shortName = "rule")
public final class RuleDeclarationNode extends HLExpressionNode {

    /** A clause as parsed: trigger, targets, and lock expressions with their modes. */
    public record ClauseSpec(Rule.Trigger trigger, List<String> targets, List<ConditionSpec> conditions, int first, int second) {
    }

    public record ConditionSpec(boolean negated, int lock, LockMode mode) {
    }

    private final String name;
    private final String text;
    private final List<ClauseSpec> clauses;
    @Children private final HLExpressionNode[] locks;

    public RuleDeclarationNode(String name, String text, List<ClauseSpec> clauses, HLExpressionNode[] locks) {
        this.name = name;
        this.text = text;
        this.clauses = clauses;
        this.locks = locks;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return declare(frame.materialize());
    }

    @TruffleBoundary
    private Object declare(MaterializedFrame frame) {
        HotLockContext context = context();
        Kernel kernel = context.kernel();
        if (kernel == null) {
            throw new HLException("rules are about kernel locks: declare the kernel first, e.g. kernel \"4.19\"", this);
        }
        KernelLock[] values = new KernelLock[locks.length];
        for (int i = 0; i < locks.length; i++) {
            Object v = locks[i].executeGeneric(frame);
            if (!(v instanceof KernelLock l)) {
                throw new HLException("a rule names locks, not " + Display.typeName(v), locks[i]);
            }
            values[i] = l;
        }
        List<Rule.Clause> built = new ArrayList<>();
        for (ClauseSpec c : clauses) {
            List<Rule.Condition> conditions = new ArrayList<>();
            for (ConditionSpec cs : c.conditions()) {
                conditions.add(new Rule.Condition(cs.negated(), values[cs.lock()], cs.mode()));
            }
            built.add(new Rule.Clause(c.trigger(), c.targets(), conditions,
                    c.first() < 0 ? null : values[c.first()], c.second() < 0 ? null : values[c.second()]));
        }
        context.checks().rules().declare(new Rule(name, text, built));
        for (ClauseSpec c : clauses) {
            if (c.trigger() == Rule.Trigger.CALL) {
                for (String f : c.targets()) {
                    if (context.lookup(f) instanceof HLFunction fn) {
                        fn.setWatched(true);
                    }
                }
            }
        }
        return "rule " + name;
    }
}
