package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.runtime.HLNull;

/** mutex_unlock(lock): release a mutex */
@Builtin(name = "mutex_unlock", doc = "mutex_unlock(lock): release a mutex")
public abstract class MutexUnlockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object release(Object value) {
        KernelLock lock = lock(value, "mutex_unlock");
        if (lock.kind() != LockKind.MUTEX) {
            throw error("mutex_unlock cannot release " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().release(lock, this);
        return HLNull.SINGLETON;
    }

}
