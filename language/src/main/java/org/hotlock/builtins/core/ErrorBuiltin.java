package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.runtime.Display;

/** {@code error(message)}: stops the script with a located error. */
@Builtin(name = "error", doc = "error(message): stop with a located error")
public abstract class ErrorBuiltin extends HLBuiltinNode {

    @Specialization
    protected Object fail(Object message) {
        throw error(Display.show(message));
    }
}
