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
}
