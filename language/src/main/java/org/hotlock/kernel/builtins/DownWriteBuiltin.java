package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

/** down_write(sem): take a rw-semaphore for write */
@Builtin(name = "down_write", doc = "down_write(sem): take a rw-semaphore for write")
public abstract class DownWriteBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object acquire(Object value) {
        KernelLock lock = lock(value, "down_write");
        if (lock.kind() != LockKind.RWSEM && lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("down_write cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().acquire(lock, LockMode.WRITE, this);
        return HLNull.SINGLETON;
    }

}
