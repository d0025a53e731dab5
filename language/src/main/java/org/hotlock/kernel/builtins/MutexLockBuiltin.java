package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

/** mutex_lock(lock): take a mutex, waiting while another thread holds it */
@Builtin(name = "mutex_lock", doc = "mutex_lock(lock): take a mutex, waiting while another thread holds it")
public abstract class MutexLockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object acquire(Object value) {
        KernelLock lock = lock(value, "mutex_lock");
        if (lock.kind() != LockKind.MUTEX) {
            throw error("mutex_lock cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().acquire(lock, LockMode.WRITE, this);
        return HLNull.SINGLETON;
    }

}
