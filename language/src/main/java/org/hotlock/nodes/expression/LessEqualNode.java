package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;

/** {@code a <= b} on integers, or on strings in lexical order. */
@NodeInfo(shortName = "<=")
public abstract class LessEqualNode extends BinaryNode {

    @Override
    protected String operator() {
        return "<=";
    }

    @Specialization
    protected boolean longs(long left, long right) {
        return left <= right;
    }

    @Specialization
    @TruffleBoundary
    protected boolean strings(String left, String right) {
        return left.compareTo(right) <= 0;
    }

    @Fallback
    protected Object typeMismatch(Object left, Object right) {
        throw typeError(left, right);
    }
}
