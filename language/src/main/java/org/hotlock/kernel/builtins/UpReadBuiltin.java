package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.runtime.HLNull;

/** up_read(sem): release a read hold */
@Builtin(name = "up_read", doc = "up_read(sem): release a read hold")
public abstract class UpReadBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object release(Object value) {
        KernelLock lock = lock(value, "up_read");
        if (lock.kind() != LockKind.RWSEM && lock.kind() != LockKind.PERCPU_RWSEM) {
            throw error("up_read cannot release " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().release(lock, this);
        return HLNull.SINGLETON;
    }

}
