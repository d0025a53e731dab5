package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;

/** spinlock(name): the global spinlock of that name */
@Builtin(name = "spinlock", doc = "spinlock(name): the global spinlock of that name")
public abstract class SpinlockBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object create(String name) {
        KernelLock lock = kernel().globalLock(name, LockKind.SPINLOCK);
        if (lock.kind() != LockKind.SPINLOCK) {
            throw error(name + " is already a " + lock.kind().kernelName());
        }
        return lock;
    }

    @com.oracle.truffle.api.dsl.Fallback
    protected Object other(Object name) {
        throw typeError("spinlock", name);
    }

}
