package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

/** {@code max(a, b)}. */
@Builtin(name = "max", doc = "max(a, b): the larger integer")
public abstract class MaxBuiltin extends HLBuiltinNode {

    @Specialization
    protected long max(long a, long b) {
        return Math.max(a, b);
    }

    @Fallback
    protected Object other(Object a, Object b) {
        throw typeError("max", a, b);
    }
}
