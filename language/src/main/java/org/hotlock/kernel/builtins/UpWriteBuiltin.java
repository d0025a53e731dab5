package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.runtime.HLNull;

/** up_write(sem): release a write hold */
@Builtin(name = "up_write", doc = "up_write(sem): release a write hold")
public abstract class UpWriteBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object release(Object value) {
        KernelLock lock = lock(value, "up_write");
        if (lock.kind() != LockKind.RWSEM && lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("up_write cannot release " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().release(lock, this);
        return HLNull.SINGLETON;
    }

}
