package org.hotlock.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.profiles.BranchProfile;
import org.hotlock.nodes.controlflow.ReturnException;
import org.hotlock.runtime.GuestLimits;
import org.hotlock.runtime.HLNull;

/** A function's body: runs the statements and turns a {@code return} into the call's value. */
@NodeInfo(shortName = "body")
public final class FunctionBodyNode extends HLExpressionNode {
    @Child private HLStatementNode body;
    private final BranchProfile returned = BranchProfile.create();

    public FunctionBodyNode(HLStatementNode body) {
        this.body = body;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        GuestLimits depth = context().limits();
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, depth.enter())) {
            depth.enterSlowly(this);
        }
        try {
            // a return in tail position comes back as the value; one elsewhere is thrown
            Object value = body.runReturning(frame);
            return value == null ? HLNull.SINGLETON : value;
        } catch (ReturnException e) {
            returned.enter();
            return e.value();
        } finally {
            depth.exit();
        }
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class;
    }
}
