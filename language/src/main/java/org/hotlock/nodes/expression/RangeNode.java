package org.hotlock.nodes.expression;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.runtime.HLRange;

/** {@code start..end}: a half-open range, as the kernel writes physical address ranges. */
@NodeInfo(shortName = "..")
public abstract class RangeNode extends BinaryNode {

    @Override
    protected String operator() {
        return "..";
    }

    @Specialization
    protected HLRange range(long left, long right) {
        return new HLRange(left, right);
    }

    @Fallback
    protected Object typeMismatch(Object left, Object right) {
        throw typeError(left, right);
    }
}
