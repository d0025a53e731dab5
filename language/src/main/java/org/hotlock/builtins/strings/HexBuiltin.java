package org.hotlock.builtins.strings;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;

/** {@code hex(n)}: {@code 0x...}, as the kernel prints addresses. */
@Builtin(name = "hex", doc = "hex(n): n as 0x-prefixed hexadecimal text")
public abstract class HexBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    @Fallback
    protected Object other(Object value) {
        throw typeError("hex", value);
    }
}
