package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;

/** rwsem(name): the global rw-semaphore of that name */
@Builtin(name = "rwsem", doc = "rwsem(name): the global rw-semaphore of that name")
public abstract class RwsemBuiltin extends KernelBuiltinNode {
    @Specialization
    @TruffleBoundary
    protected Object create(String name) {
        KernelLock lock = kernel().globalLock(name, LockKind.RWSEM);
        if (lock.kind() != LockKind.RWSEM) {
            throw error(name + " is already a " + lock.kind().kernelName());
        }
        return lock;
    }

    @com.oracle.truffle.api.dsl.Fallback
    protected Object other(Object name) {
        throw typeError("rwsem", name);
    }

}
