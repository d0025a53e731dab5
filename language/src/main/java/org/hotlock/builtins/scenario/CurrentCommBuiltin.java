package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;

/** {@code current_comm()}: the name of the running guest thread, as the kernel's {@code current->comm}. */
@Builtin(name = "current_comm", doc = "current_comm(): the running thread's name (current->comm); \"main\" for the script")
public abstract class CurrentCommBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object comm() {
        return kernel().currentThread().name();
    }
}
