package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.HostValues;

/** {@code set_global(name, value)}: defines a global; the REPL keeps {@code $1}, {@code $2} so. */
@Builtin(name = "set_global", doc = "set_global(name, value): define a global variable")
public abstract class SetGlobalBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object set(String name, Object value) {
        HotLockContext context = context();
        try {
            Object v = HostValues.toGuest(value);
            context.writeGlobal(context.globalIndex(name), v);
            return v;
        } catch (UnsupportedTypeException e) {
            throw error("set_global cannot store that value");
        }
    }
}
