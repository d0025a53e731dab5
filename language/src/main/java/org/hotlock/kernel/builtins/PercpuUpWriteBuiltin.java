package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.runtime.HLNull;

/** percpu_up_write(sem): release a write hold */
@Builtin(name = "percpu_up_write", doc = "percpu_up_write(sem): release a write hold")
public abstract class PercpuUpWriteBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object release(Object value) {
        KernelLock lock = lock(value, "percpu_up_write");
        if (lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("percpu_up_write cannot release " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().release(lock, this);
        return HLNull.SINGLETON;
    }

}
