package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.runtime.Display;

/** {@code a + b}: integer addition, or string concatenation when either side is a string. */
@NodeInfo(shortName = "+")
public abstract class AddNode extends BinaryNode {

    @Override
    protected String operator() {
        return "+";
    }

    @Specialization
    protected long add(long left, long right) {
        try {
            return Math.addExact(left, right);
        } catch (ArithmeticException e) {
            throw overflow();
        }
    }

    @Specialization(guards = "isString(left) || isString(right)")
    @TruffleBoundary
    protected String concat(Object left, Object right) {
        return Display.show(left) + Display.show(right);
    }

    protected static boolean isString(Object value) {
        return value instanceof String;
    }

    @Fallback
    protected Object typeMismatch(Object left, Object right) {
        throw typeError(left, right);
    }
}
