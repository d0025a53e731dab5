package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.runtime.HLNull;

/** spin_unlock(lock): release a spinlock */
@Builtin(name = "spin_unlock", doc = "spin_unlock(lock): release a spinlock")
public abstract class SpinUnlockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object release(Object value) {
        KernelLock lock = lock(value, "spin_unlock");
        if (lock.kind() != LockKind.SPINLOCK) {
            throw error("spin_unlock cannot release " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().release(lock, this);
        return HLNull.SINGLETON;
    }

}
