package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;

/** driver_present(name): true if the machine declares the driver */
@Builtin(name = "driver_present", doc = "driver_present(name): true if the machine declares the driver")
public abstract class DriverPresentBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected boolean present(String name) {
        return bootedKernel().machine().drivers.contains(name);
    }

}
