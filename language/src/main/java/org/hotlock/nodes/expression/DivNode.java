package org.hotlock.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.runtime.HLException;

/** {@code a / b} on integers. */
@NodeInfo(shortName = "/")
public abstract class DivNode extends BinaryNode {

    @Override
    protected String operator() {
        return "/";
    }

    @Specialization
    protected long compute(long left, long right) {
        if (right == 0) {
            throw new HLException("division by zero", this);
        }
        return left / right;
    }

    @Fallback
    protected Object typeMismatch(Object left, Object right) {
        throw typeError(left, right);
    }
}
