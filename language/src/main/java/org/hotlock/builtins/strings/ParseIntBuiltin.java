package org.hotlock.builtins.strings;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import org.hotlock.runtime.HLNull;

/**
 * {@code kstrtoull(s)}: parses an unsigned integer as the kernel's {@code kstrtoull(s, 0, &v)}
 * does (base from the prefix: 0x hex, 0 octal, else decimal; one trailing newline allowed);
 * {@code null} when the text is not a number, so model code can return {@code -EINVAL}.
 */
@Builtin(name = "kstrtoull", doc = "kstrtoull(s): parse s as the kernel does (0x.. hex, 0.. octal); null if invalid")
public abstract class ParseIntBuiltin extends HLBuiltinNode {

    @Specialization
    protected Object parse(long value) {
        return value;
    }

    @Specialization
    @TruffleBoundary
    protected Object parse(String text) {
        String s = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 64) {
            return HLNull.SINGLETON;
        }
        try {
            long v = Long.parseUnsignedLong(s, radix);
            return v < 0 ? HLNull.SINGLETON : v;
        } catch (NumberFormatException e) {
            return HLNull.SINGLETON;
        }
    }

    @Fallback
    protected Object other(Object value) {
        throw typeError("kstrtoull", value);
    }
}
