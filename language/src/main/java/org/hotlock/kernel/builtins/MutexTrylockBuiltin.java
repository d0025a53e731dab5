package org.hotlock.kernel.builtins;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;

/** mutex_trylock(lock): take a mutex if it is free; true if taken, never waits */
@Builtin(name = "mutex_trylock", doc = "mutex_trylock(lock): take a mutex if it is free; true if taken, never waits")
public abstract class MutexTrylockBuiltin extends KernelBuiltinNode {
    @Specialization
    protected boolean tryAcquire(Object value) {
        KernelLock lock = lock(value, "mutex_trylock");
        if (lock.kind() != LockKind.MUTEX) {
            throw error("mutex_trylock cannot take " + lock.kind().kernelName() + " " + lock.name());
        }
        return kernel().tryAcquire(lock, LockMode.WRITE);
    }

}
