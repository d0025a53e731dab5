package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.runtime.HLNull;

/** {@code return [value]}. */
@NodeInfo(shortName = "return")
public final class ReturnNode extends HLStatementNode {
    @Child private HLExpressionNode value;

    public ReturnNode(HLExpressionNode value) {
        this.value = value;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        throw new ReturnException(runReturning(frame));
    }

    /** Run where a return needs no exception (see HLStatementNode): the value is the call's. */
    @Override
    public Object runReturning(VirtualFrame frame) {
        return value == null ? HLNull.SINGLETON : value.executeGeneric(frame);
    }
}
