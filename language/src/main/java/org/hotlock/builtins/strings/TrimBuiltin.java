package org.hotlock.builtins.strings;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;

/** {@code trim(s)}: s without leading and trailing white space (sysfs text ends in a newline). */
@Builtin(name = "trim", doc = "trim(s): s without leading and trailing white space")
public abstract class TrimBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected String trim(String s) {
        return s.strip();
    }

    @Fallback
    protected Object other(Object value) {
        return value;
    }
}
