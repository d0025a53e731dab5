package org.hotlock.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

/** {@code ~x}. */
@NodeInfo(shortName = "~")
public abstract class BitNotNode extends UnaryNode {

    @Override
    protected String operator() {
        return "~";
    }

    @Specialization
    protected long compute(long operand) {
        return ~operand;
    }

    @Fallback
    protected Object typeMismatch(Object operand) {
        throw typeError(operand);
    }
}
