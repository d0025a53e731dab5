package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.runtime.HLNull;

/** percpu_up_read(sem): release a read hold */
@Builtin(name = "percpu_up_read", doc = "percpu_up_read(sem): release a read hold")
public abstract class PercpuUpReadBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object release(Object value) {
        KernelLock lock = lock(value, "percpu_up_read");
        if (lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("percpu_up_read cannot release " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().release(lock, this);
        return HLNull.SINGLETON;
    }

}
