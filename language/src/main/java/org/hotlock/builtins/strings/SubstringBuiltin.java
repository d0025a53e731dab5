package org.hotlock.builtins.strings;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;

/** {@code substring(s, from, to)}: the characters from index {@code from} up to {@code to}, exclusive. */
@Builtin(name = "substring", doc = "substring(s, from, to): characters from..to-1 of s")
public abstract class SubstringBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected String substring(String s, long from, long to) {
        if (from < 0 || to > s.length() || from > to) {
            throw error("substring(" + from + ", " + to + ") is out of bounds for length " + s.length());
        }
        return s.substring((int) from, (int) to);
    }

    @Fallback
    protected Object other(Object s, Object from, Object to) {
        throw typeError("substring", s, from, to);
    }
}
