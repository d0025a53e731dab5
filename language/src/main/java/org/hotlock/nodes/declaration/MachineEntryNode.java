package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLStatementNode;

/** One line of a machine declaration: {@code block_size 128M}, {@code node 0 { ... }}. */
@NodeInfo(shortName = "entry")
public final class MachineEntryNode extends HLStatementNode {
    final String key;
    @Children final HLExpressionNode[] values;
    @Children final MachineEntryNode[] children;

    public MachineEntryNode(String key, HLExpressionNode[] values, MachineEntryNode[] children) {
        this.key = key;
        this.values = values;
        this.children = children;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        // Evaluated by the enclosing MachineDeclarationNode, which knows what each key means.
    }
}
