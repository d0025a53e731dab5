package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.context.KernelModels;
import org.hotlock.nodes.HLExpressionNode;

/** {@code kernel "4.19"}: loads that kernel model (its HotLock sources) into the context. */
@NodeInfo(shortName = "kernel")
public final class KernelDeclarationNode extends HLExpressionNode {
    private final String version;

    public KernelDeclarationNode(String version) {
        this.version = version;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return load(context());
    }

    @TruffleBoundary
    private Object load(HotLockContext context) {
        KernelModels.load(context, version, this);
        return "kernel " + version;
    }
}
