package org.hotlock.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.profiles.BranchProfile;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLNull;

/** Reads the n-th argument of the current call; a missing one reads as {@code null}. */
@NodeInfo(shortName = "arg")
public final class ReadArgumentNode extends HLExpressionNode {
    private final int index;
    private final BranchProfile missing = BranchProfile.create();

    public ReadArgumentNode(int index) {
        this.index = index;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object[] args = frame.getArguments();
        if (index < args.length) {
            return args[index];
        }
        missing.enter();
        return HLNull.SINGLETON;
    }
}
