package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLList;

/** kernel_log(): the kernel log (printk lines, warnings) so far */
@Builtin(name = "kernel_log", doc = "kernel_log(): the kernel log (printk lines, warnings) so far")
public abstract class KernelLogBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object log() {
        return new HLList(kernel().log().lines());
    }

}
