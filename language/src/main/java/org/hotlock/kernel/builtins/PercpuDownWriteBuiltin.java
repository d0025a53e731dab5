package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

/** percpu_down_write(sem): take a per-cpu rw-semaphore for write */
@Builtin(name = "percpu_down_write", doc = "percpu_down_write(sem): take a per-cpu rw-semaphore for write")
public abstract class PercpuDownWriteBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object acquire(Object value) {
        KernelLock lock = lock(value, "percpu_down_write");
        if (lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("percpu_down_write cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().acquire(lock, LockMode.WRITE, this);
        return HLNull.SINGLETON;
    }

}
