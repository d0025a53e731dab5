package org.hotlock.nodes.expression;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLList;

import java.util.Arrays;

/** {@code [a, b, c]}: a new list each time it is evaluated. */
@NodeInfo(shortName = "[..]")
public final class ListLiteralNode extends HLExpressionNode {
    @Children private final HLExpressionNode[] elements;

    public ListLiteralNode(HLExpressionNode[] elements) {
        this.elements = elements;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] values = new Object[elements.length];
        for (int i = 0; i < elements.length; i++) {
            values[i] = elements[i].executeGeneric(frame);
        }
        return new HLList(Arrays.asList(values));
    }
}
