package org.hotlock.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.UnsupportedSpecializationException;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;

/**
 * A builtin's body: the builtin, and a located type error for arguments that none of its
 * specializations takes ({@code msleep("x")}: "msleep cannot take (string)"), whether or not
 * the builtin declares a fallback of its own; the DSL's exception would otherwise reach the
 * user as an internal error with a Java trace.
 */
@NodeInfo(shortName = "builtin")
final class BuiltinBodyNode extends HLExpressionNode {
    @Child private HLExpressionNode builtin;
    private final String name;

    BuiltinBodyNode(HLExpressionNode builtin, String name) {
        this.builtin = builtin;
        this.name = name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        try {
            return builtin.executeGeneric(frame);
        } catch (UnsupportedSpecializationException e) {
            CompilerDirectives.transferToInterpreter();
            throw HLBuiltinNode.typeErrorOf(name, e.getSuppliedValues());
        }
    }
}
