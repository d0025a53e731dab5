package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;

/** mutex(name): the global mutex of that name (DEFINE_MUTEX) */
@Builtin(name = "mutex", doc = "mutex(name): the global mutex of that name (DEFINE_MUTEX)")
public abstract class MutexBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object create(String name) {
        KernelLock lock = kernel().globalLock(name, LockKind.MUTEX);
        if (lock.kind() != LockKind.MUTEX) {
            throw error(name + " is already a " + lock.kind().kernelName());
        }
        return lock;
    }

    @com.oracle.truffle.api.dsl.Fallback
    protected Object other(Object name) {
        throw typeError("mutex", name);
    }

}
