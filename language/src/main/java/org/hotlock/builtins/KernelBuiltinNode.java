package org.hotlock.builtins;

import com.oracle.truffle.api.CompilerDirectives;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.runtime.BuiltinError;
import org.hotlock.runtime.Display;

/** A builtin that needs the simulated kernel: the script must have declared {@code kernel "..."}. */
public abstract class KernelBuiltinNode extends HLBuiltinNode {

    protected final Kernel kernel() {
        Kernel kernel = context().kernel();
        if (kernel == null) {
            CompilerDirectives.transferToInterpreter();
            throw new BuiltinError("no kernel model is loaded: declare one first, e.g. kernel \"4.19\"");
        }
        return kernel;
    }

    protected final Kernel bootedKernel() {
        Kernel kernel = kernel();
        if (!kernel.booted()) {
            CompilerDirectives.transferToInterpreter();
            throw new BuiltinError("no machine is declared: declare one first, e.g. machine box { node 0 { boot 0..4G } }");
        }
        return kernel;
    }

    protected final KernelLock lock(Object value, String function) {
        if (value instanceof KernelLock lock) {
            return lock;
        }
        CompilerDirectives.transferToInterpreter();
        throw new BuiltinError(function + " needs a lock, not " + Display.typeName(value));
    }
}
