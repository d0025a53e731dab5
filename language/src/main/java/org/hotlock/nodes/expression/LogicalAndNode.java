package org.hotlock.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.profiles.CountingConditionProfile;
import org.hotlock.nodes.HLExpressionNode;

/** {@code a && b}, short-circuit. */
@NodeInfo(shortName = "&&")
public final class LogicalAndNode extends HLExpressionNode {
    @Child private ConditionNode left;
    @Child private ConditionNode right;
    private final CountingConditionProfile evaluateRight = CountingConditionProfile.create();

    public LogicalAndNode(ConditionNode left, ConditionNode right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean executeBoolean(VirtualFrame frame) {
        return evaluateRight.profile(left.executeBoolean(frame)) && right.executeBoolean(frame);
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return executeBoolean(frame);
    }
}
