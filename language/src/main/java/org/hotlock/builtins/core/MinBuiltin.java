package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;

/** {@code min(a, b)}. */
@Builtin(name = "min", doc = "min(a, b): the smaller integer")
public abstract class MinBuiltin extends HLBuiltinNode {

    @Specialization
    protected long min(long a, long b) {
        return Math.min(a, b);
    }

    @Fallback
    protected Object other(Object a, Object b) {
        throw typeError("min", a, b);
    }
}
