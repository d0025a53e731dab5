package org.hotlock.builtins.locks;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;

/**
 * {@code mutex(name)}, {@code rwsem(name)}, {@code percpu_rwsem(name)}, {@code spinlock(name)}:
 * the global lock of that name and kind (DEFINE_MUTEX and friends), made on first use.
 */
public abstract class DefineLockBuiltin extends KernelBuiltinNode {
    private final String name;
    private final LockKind kind;

    protected DefineLockBuiltin(String name, LockKind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Specialization
    @TruffleBoundary
    protected Object define(String lockName) {
        KernelLock lock = kernel().locking().globalLock(lockName, kind);
        if (lock.kind() != kind) {
            throw error(lockName + " is already a " + lock.kind().kernelName());
        }
        return lock;
    }

    @Fallback
    protected Object other(Object lockName) {
        throw typeError(name, lockName);
    }
}
