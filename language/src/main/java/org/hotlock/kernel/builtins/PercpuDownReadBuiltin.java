package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

/** percpu_down_read(sem): take a per-cpu rw-semaphore for read */
@Builtin(name = "percpu_down_read", doc = "percpu_down_read(sem): take a per-cpu rw-semaphore for read")
public abstract class PercpuDownReadBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object acquire(Object value) {
        KernelLock lock = lock(value, "percpu_down_read");
        if (lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("percpu_down_read cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().acquire(lock, LockMode.READ, this);
        return HLNull.SINGLETON;
    }

}
