package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLStatementNode;

/** {@code { s1; s2; ... }}. */
@NodeInfo(shortName = "block")
public final class BlockNode extends HLStatementNode {
    @Children private final HLStatementNode[] statements;

    public BlockNode(HLStatementNode[] statements) {
        this.statements = statements;
    }

    @Override
    @ExplodeLoop
    public void executeVoid(VirtualFrame frame) {
        for (HLStatementNode statement : statements) {
            statement.executeVoid(frame);
        }
    }

    /** The statements in turn, until one returns (see HLStatementNode). */
    @Override
    @ExplodeLoop
    public Object runReturning(VirtualFrame frame) {
        for (HLStatementNode statement : statements) {
            Object returned = statement.runReturning(frame);
            if (returned != null) {
                return returned;
            }
        }
        return null;
    }
}
