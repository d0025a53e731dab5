package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.profiles.CountingConditionProfile;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.nodes.expression.ConditionNode;

/** {@code if (cond) then [else otherwise]}. */
@NodeInfo(shortName = "if")
public final class IfNode extends HLStatementNode {
    @Child private ConditionNode condition;
    @Child private HLStatementNode then;
    @Child private HLStatementNode otherwise;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public IfNode(ConditionNode condition, HLStatementNode then, HLStatementNode otherwise) {
        this.condition = condition;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        if (profile.profile(condition.executeBoolean(frame))) {
            then.executeVoid(frame);
        } else if (otherwise != null) {
            otherwise.executeVoid(frame);
        }
    }

    /** The branch taken, returning if it does (see HLStatementNode). */
    @Override
    public Object runReturning(VirtualFrame frame) {
        if (profile.profile(condition.executeBoolean(frame))) {
            return then.runReturning(frame);
        }
        return otherwise == null ? null : otherwise.runReturning(frame);
    }
}
