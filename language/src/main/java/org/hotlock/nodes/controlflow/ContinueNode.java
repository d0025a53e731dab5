package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLStatementNode;

/** {@code continue}. */
@NodeInfo(shortName = "continue")
public final class ContinueNode extends HLStatementNode {
    @Override
    public void executeVoid(VirtualFrame frame) {
        throw ContinueException.SINGLETON;
    }
}
