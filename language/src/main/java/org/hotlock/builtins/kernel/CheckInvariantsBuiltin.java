package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLNull;

/** kernel_invariants(): null when the simulator's invariants hold, else what is broken */
@Builtin(name = "kernel_invariants", doc = "kernel_invariants(): null when the simulator's invariants hold, else what is broken")
public abstract class CheckInvariantsBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object check() {
        String broken = kernel().checkInvariants();
        return broken == null ? HLNull.SINGLETON : broken;
    }

}
