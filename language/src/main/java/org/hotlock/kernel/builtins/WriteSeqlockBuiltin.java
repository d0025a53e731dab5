package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

/** write_seqlock(lock): take a seqlock's write side */
@Builtin(name = "write_seqlock", doc = "write_seqlock(lock): take a seqlock's write side")
public abstract class WriteSeqlockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object acquire(Object value) {
        KernelLock lock = lock(value, "write_seqlock");
        if (lock.kind() != LockKind.SEQLOCK) {
            throw error("write_seqlock cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        kernel().acquire(lock, LockMode.WRITE, this);
        return HLNull.SINGLETON;
    }

}
