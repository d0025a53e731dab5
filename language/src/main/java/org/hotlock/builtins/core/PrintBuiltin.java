package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLNull;

/** {@code print(a, b, ...)}: prints the values separated by spaces, then a line break. */
@Builtin(name = "print", variadic = true, doc = "print(values...): print the values, space separated, and a newline")
public abstract class PrintBuiltin extends HLBuiltinNode {

    @Specialization
    protected Object print(Object[] values) {
        write(context(), values);
        return HLNull.SINGLETON;
    }

    @TruffleBoundary
    private static void write(HotLockContext context, Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? " " : "").append(Display.show(values[i]));
        }
        context.out().println(sb);
    }
}
