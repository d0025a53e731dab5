package org.hotlock.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.runtime.HLException;

/** {@code -x}. */
@NodeInfo(shortName = "-")
public abstract class NegateNode extends UnaryNode {

    @Override
    protected String operator() {
        return "-";
    }

    @Specialization
    protected long compute(long operand) {
        if (operand == Long.MIN_VALUE) {
            throw new HLException("integer overflow in negation", this);
        }
        return -operand;
    }

    @Fallback
    protected Object typeMismatch(Object operand) {
        throw typeError(operand);
    }
}
