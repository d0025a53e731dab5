package org.hotlock.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;

/** A constant: a string, {@code null}, or a value the parser folded. */
@NodeInfo(shortName = "const")
public final class LiteralNode extends HLExpressionNode {
    private final Object value;

    public LiteralNode(Object value) {
        this.value = value;
    }

    public Object value() {
        return value;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return value;
    }
}
