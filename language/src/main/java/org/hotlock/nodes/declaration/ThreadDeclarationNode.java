package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.ThreadSpec;

/** {@code thread probe { ... }}: declares a guest thread; the name is bound to it as a global. */
@NodeInfo(shortName = "thread")
public final class ThreadDeclarationNode extends HLExpressionNode {
    private final String name;
    private final RootCallTarget body;

    public ThreadDeclarationNode(String name, RootCallTarget body) {
        this.name = name;
        this.body = body;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return declare(context());
    }

    @TruffleBoundary
    private Object declare(HotLockContext context) {
        ThreadSpec spec = new ThreadSpec(name, new HLFunction(name, body, 0, false));
        context.declareThread(spec);
        context.writeGlobal(context.globalIndex(name), spec);
        return spec;
    }
}
