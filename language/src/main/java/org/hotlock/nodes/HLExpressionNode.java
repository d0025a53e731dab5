package org.hotlock.nodes;

import com.oracle.truffle.api.dsl.TypeSystemReference;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.nodes.UnexpectedResultException;

/** A node that produces a value. Type-specialized execute methods avoid boxing on hot paths. */
@TypeSystemReference(HLTypes.class)
@NodeInfo(description = "An expression")
@GenerateWrapper
public abstract class HLExpressionNode extends HLStatementNode {

    public abstract Object executeGeneric(VirtualFrame frame);

    @Override
    public void executeVoid(VirtualFrame frame) {
        executeGeneric(frame);
    }

    public long executeLong(VirtualFrame frame) throws UnexpectedResultException {
        return HLTypesGen.expectLong(executeGeneric(frame));
    }

    public boolean executeBoolean(VirtualFrame frame) throws UnexpectedResultException {
        return HLTypesGen.expectBoolean(executeGeneric(frame));
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new HLExpressionNodeWrapper(this, probe);
    }

    /** True for the expression a branch turns on ({@link BranchConditionTag}). */
    private boolean branchCondition;

    public final void markBranchCondition() {
        this.branchCondition = true;
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.ExpressionTag.class || (tag == BranchConditionTag.class && branchCondition) || super.hasTag(tag);
    }

}
