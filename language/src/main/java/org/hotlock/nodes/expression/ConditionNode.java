package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.UnexpectedResultException;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/**
 * Evaluates a condition. HotLock is strict where C is not: a condition must be a bool, so
 * {@code if (ret)} on an error code is a located error that says to write {@code ret != 0}.
 */
@NodeInfo(shortName = "cond")
public final class ConditionNode extends HLExpressionNode {
    @Child private HLExpressionNode condition;
    private final String context;

    public ConditionNode(HLExpressionNode condition, String context) {
        this.condition = condition;
        this.context = context;
        copySourceFrom(condition);
        condition.markBranchCondition();
    }

    /**
     * Not this node but the expression it checks is instrumented (same text, same value): the
     * branches hold this node in fields of its own type, which an instrument's wrapper is not.
     */
    @Override
    public boolean isInstrumentable() {
        return false;
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        try {
            return condition.executeBoolean(frame);
        } catch (UnexpectedResultException e) {
            CompilerDirectives.transferToInterpreter();
            Object value = e.getResult();
            String hint = value instanceof Long ? " (write 'x != 0')" : value instanceof HLNull || value instanceof HLObject ? " (write 'x != null')" : "";
            throw new HLException(context + " must be a bool, not " + Display.typeName(value) + hint, this);
        }
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return executeBoolean(frame);
    }
}
