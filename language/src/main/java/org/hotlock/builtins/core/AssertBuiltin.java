package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLNull;

/** {@code assert(cond, message)}: stops the script with the message when cond is false. */
@Builtin(name = "assert", doc = "assert(cond, message): fail with message unless cond is true")
public abstract class AssertBuiltin extends HLBuiltinNode {

    @Specialization
    protected Object check(boolean condition, Object message) {
        if (!condition) {
            throw error("assertion failed: " + Display.show(message));
        }
        return HLNull.SINGLETON;
    }

    @Fallback
    protected Object other(Object condition, @SuppressWarnings("unused") Object message) {
        throw error("assert needs a bool condition, not " + Display.typeName(condition));
    }
}
