package org.hotlock.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.GenerateNodeFactory;
import com.oracle.truffle.api.dsl.NodeChild;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.BuiltinError;
import org.hotlock.runtime.Display;

/**
 * Base of builtin functions. The children are the argument reads; specializations receive the
 * argument values, typed. Subclasses are generated into factories that the registry finds.
 */
@NodeChild(value = "arguments", type = HLExpressionNode[].class)
@GenerateNodeFactory
public abstract class HLBuiltinNode extends HLExpressionNode {

    protected final BuiltinError error(String message) {
        CompilerDirectives.transferToInterpreter();
        return new BuiltinError(message);
    }

    protected final BuiltinError typeError(String function, Object... values) {
        CompilerDirectives.transferToInterpreter();
        return typeErrorOf(function, values);
    }

    /** "f cannot take (int, string)": the types of the values, as the guest names them. */
    static BuiltinError typeErrorOf(String function, Object... values) {
        StringBuilder sb = new StringBuilder(function).append(" cannot take (");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? ", " : "").append(values[i] == null ? "nothing" : Display.typeName(values[i]));
        }
        return new BuiltinError(sb.append(")").toString());
    }
}
