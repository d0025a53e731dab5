package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;

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

    /** The longest string {@code +} makes: a string grown in an endless loop must not fill the heap. */
    public static final int MAX_STRING = 1 << 26;

    @Specialization(guards = "isString(left) || isString(right)")
    @TruffleBoundary
    protected String concat(Object left, Object right) {
        String l = Display.show(left);
        String r = Display.show(right);
        if ((long) l.length() + r.length() > MAX_STRING) {
            throw new HLException("a string may be at most " + MAX_STRING + " characters long; this one would be "
                    + ((long) l.length() + r.length()) + " (a string grown in an endless loop?)", this);
        }
        return l + r;
    }

    protected static boolean isString(Object value) {
        return value instanceof String;
    }

    @Fallback
    protected Object typeMismatch(Object left, Object right) {
        throw typeError(left, right);
    }
}
