package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;

/** An operator with two operands; subclasses specialize on the operand types. */
@NodeChild("left")
@NodeChild("right")
@ReportPolymorphism
public abstract class BinaryNode extends HLExpressionNode {

    /** The operator as written, for error messages. */
    protected abstract String operator();

    protected final HLException typeError(Object left, Object right) {
        CompilerDirectives.transferToInterpreter();
        return new HLException("operator '" + operator() + "' cannot be applied to " + Display.typeName(left)
                + " and " + Display.typeName(right), this);
    }

    protected final HLException overflow() {
        CompilerDirectives.transferToInterpreter();
        return new HLException("integer overflow in '" + operator() + "' (HotLock integers are signed 64-bit)", this);
    }
}
