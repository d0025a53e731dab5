package org.hotlock.nodes.expression;

import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;

/** {@code a != b}: the negation of {@link EqualNode}. */
@NodeInfo(shortName = "!=")
@NodeChild("equal")
public abstract class NotEqualNode extends HLExpressionNode {

    @Specialization
    protected boolean not(boolean equal) {
        return !equal;
    }

    public static NotEqualNode create(HLExpressionNode equal) {
        return NotEqualNodeGen.create(equal);
    }

}
