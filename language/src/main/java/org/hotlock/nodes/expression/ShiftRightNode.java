package org.hotlock.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.runtime.HLException;

/** {@code a >> b} on integers. */
@NodeInfo(shortName = ">>")
public abstract class ShiftRightNode extends BinaryNode {

    @Override
    protected String operator() {
        return ">>";
    }

    @Specialization
    protected long compute(long left, long right) {
        if (right < 0 || right > 63) {
            throw new HLException("shift count " + right + " is out of range 0..63", this);
        }
        return left >>> right;
    }

    @Fallback
    protected Object typeMismatch(Object left, Object right) {
        throw typeError(left, right);
    }
}
