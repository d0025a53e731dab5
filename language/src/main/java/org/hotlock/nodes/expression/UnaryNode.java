package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.NodeChild;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;

/** An operator with one operand. */
@NodeChild("operand")
public abstract class UnaryNode extends HLExpressionNode {

    protected abstract String operator();

    protected final HLException typeError(Object operand) {
        CompilerDirectives.transferToInterpreter();
        return new HLException("operator '" + operator() + "' cannot be applied to " + Display.typeName(operand), this);
    }
}
