package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;

/** percpu_rwsem(name): the global per-cpu rw-semaphore of that name */
@Builtin(name = "percpu_rwsem", doc = "percpu_rwsem(name): the global per-cpu rw-semaphore of that name")
public abstract class PercpuRwsemBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object create(String name) {
        KernelLock lock = kernel().globalLock(name, LockKind.PERCPU_RWSEM);
        if (lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error(name + " is already a " + lock.kind().kernelName());
        }
        return lock;
    }

    @com.oracle.truffle.api.dsl.Fallback
    protected Object other(Object name) {
        throw typeError("percpu_rwsem", name);
    }

}
