package org.hotlock.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

/** {@code a * b} on integers. */
@NodeInfo(shortName = "*")
public abstract class MulNode extends BinaryNode {

    @Override
    protected String operator() {
        return "*";
    }

    @Specialization
    protected long compute(long left, long right) {
        try {
            return Math.multiplyExact(left, right);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    @Fallback
    protected Object typeMismatch(Object left, Object right) {
        throw typeError(left, right);
    }
}
