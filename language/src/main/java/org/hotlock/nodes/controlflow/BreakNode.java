package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLStatementNode;

/** {@code break}. */
@NodeInfo(shortName = "break")
public final class BreakNode extends HLStatementNode {
    @Override
    public void executeVoid(VirtualFrame frame) {
        throw BreakException.SINGLETON;
    }
}
