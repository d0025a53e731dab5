package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.runtime.HLNull;

/** write_sequnlock(lock): release a seqlock's write side */
@Builtin(name = "write_sequnlock", doc = "write_sequnlock(lock): release a seqlock's write side")
public abstract class WriteSequnlockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object release(Object value) {
        KernelLock lock = lock(value, "write_sequnlock");
        if (lock.kind() != LockKind.SEQLOCK) {
            throw error("write_sequnlock cannot release " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().release(lock, this);
        return HLNull.SINGLETON;
    }

}
