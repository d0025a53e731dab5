package org.hotlock.builtins;

import com.oracle.truffle.api.dsl.NodeFactory;
import org.hotlock.nodes.HLExpressionNode;

import java.util.function.Function;

/**
 * One builtin as the registry installs it: its guest name, one line of documentation, how many
 * arguments it takes (-1: any number, all given to its single child) and how to make its node
 * from the argument reads.
 */
public record BuiltinSpec(String name, String doc, int arity, Function<HLExpressionNode[], HLBuiltinNode> create) {

    /** A builtin class that says its name and documentation with {@link Builtin}. */
    public static BuiltinSpec of(NodeFactory<? extends HLBuiltinNode> factory) {
        Builtin builtin = factory.getNodeClass().getAnnotation(Builtin.class);
        int arity = builtin.variadic() ? -1 : factory.getExecutionSignature().size();
        return new BuiltinSpec(builtin.name(), builtin.doc(), arity, arguments -> factory.createNode((Object) arguments));
    }

    public boolean variadic() {
        return arity < 0;
    }
}
