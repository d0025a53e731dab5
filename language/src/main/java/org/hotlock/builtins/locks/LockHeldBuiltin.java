package org.hotlock.builtins.locks;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.KernelLock;

/** lock_is_held(lock): true if the current thread holds the lock (in any mode) */
@Builtin(name = "lock_is_held", doc = "lock_is_held(lock): true if the current thread holds the lock (in any mode)")
public abstract class LockHeldBuiltin extends KernelBuiltinNode {
    @Specialization
    protected boolean held(Object value) {
        KernelLock lock = lock(value, "lock_is_held");
        return kernel().currentThread().holds(lock);
    }

}
