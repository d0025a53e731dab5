package org.hotlock.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.profiles.CountingConditionProfile;
import org.hotlock.nodes.HLExpressionNode;

/** {@code cond ? a : b}, as in {@code val ? device_online(dev) : device_offline(dev)}. */
@NodeInfo(shortName = "?:")
public final class TernaryNode extends HLExpressionNode {
    @Child private ConditionNode condition;
    @Child private HLExpressionNode then;
    @Child private HLExpressionNode otherwise;
    private final CountingConditionProfile profile = CountingConditionProfile.create();

    public TernaryNode(ConditionNode condition, HLExpressionNode then, HLExpressionNode otherwise) {
        this.condition = condition;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return profile.profile(condition.executeBoolean(frame)) ? then.executeGeneric(frame) : otherwise.executeGeneric(frame);
    }
}
