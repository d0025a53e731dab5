package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

/** down_read(sem): take a rw-semaphore for read */
@Builtin(name = "down_read", doc = "down_read(sem): take a rw-semaphore for read")
public abstract class DownReadBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object acquire(Object value) {
        KernelLock lock = lock(value, "down_read");
        if (lock.kind() != LockKind.RWSEM && lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("down_read cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().acquire(lock, LockMode.READ, this);
        return HLNull.SINGLETON;
    }

}
