package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLFunction;

/**
 * {@code fn name(params) { ... }} at the top level: installs the function in the context.
 * Declaring a name again replaces the earlier function, as a JShell redefinition does; call
 * sites see the new one on their next call.
 */
@NodeInfo(shortName = "fn")
public final class FunctionDeclarationNode extends HLExpressionNode {
    private final String name;
    private final RootCallTarget target;
    private final int arity;

    public FunctionDeclarationNode(String name, RootCallTarget target, int arity) {
        this.name = name;
        this.target = target;
        this.arity = arity;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return define(context());
    }

    @TruffleBoundary
    private Object define(HotLockContext context) {
        HLFunction function = new HLFunction(name, target, arity, false);
        context.defineFunction(function);
        return function;
    }
}
