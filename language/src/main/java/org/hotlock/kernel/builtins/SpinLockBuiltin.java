package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

/** spin_lock(lock): take a spinlock */
@Builtin(name = "spin_lock", doc = "spin_lock(lock): take a spinlock")
public abstract class SpinLockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object acquire(Object value) {
        KernelLock lock = lock(value, "spin_lock");
        if (lock.kind() != LockKind.SPINLOCK) {
            throw error("spin_lock cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().acquire(lock, LockMode.WRITE, this);
        return HLNull.SINGLETON;
    }

}
