package org.hotlock.builtins;

import com.oracle.truffle.api.frame.VirtualFrame;
import org.hotlock.nodes.HLExpressionNode;

/** The single child of a variadic builtin: all arguments of the call, as an array. */
final class ReadAllArgumentsNode extends HLExpressionNode {
    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return frame.getArguments();
    }
}
