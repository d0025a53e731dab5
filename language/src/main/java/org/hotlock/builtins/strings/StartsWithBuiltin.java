package org.hotlock.builtins.strings;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;

/** {@code starts_with(s, prefix)}. */
@Builtin(name = "starts_with", doc = "starts_with(s, prefix): true if s begins with prefix")
public abstract class StartsWithBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected boolean startsWith(String s, String prefix) {
        return s.startsWith(prefix);
    }

    @Fallback
    protected Object other(Object s, Object prefix) {
        throw typeError("starts_with", s, prefix);
    }
}
