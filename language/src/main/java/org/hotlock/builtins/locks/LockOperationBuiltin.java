package org.hotlock.builtins.locks;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLNull;

import java.util.Set;

/**
 * A lock operation of the kernel's API ({@code mutex_lock}, {@code down_read},
 * {@code percpu_up_write}, ...): they differ only in what they do (take, try, release), the
 * mode they take and the kinds of lock they accept, so one node class serves them all.
 */
public abstract class LockOperationBuiltin extends KernelBuiltinNode {
    /** Taking waits while the lock is unavailable; trying never waits and says whether it took it. */
    public enum Action { TAKE, TRY, RELEASE }

    /** One builtin: its name, what it does, in which mode, and the lock kinds it accepts. */
    public record Operation(String name, String doc, Action action, LockMode mode, Set<LockKind> kinds) {
    }

    private final Operation operation;

    protected LockOperationBuiltin(Operation operation) {
        this.operation = operation;
    }

    @Specialization
    protected Object perform(Object value) {
        KernelLock lock = lock(value, operation.name());
        if (!operation.kinds().contains(lock.kind())) {
            throw error(operation.name() + (operation.action() == Action.RELEASE ? " cannot release " : " cannot take ")
                    + lock.kind().kernelName() + " " + lock.name());
        }
        return switch (operation.action()) {
            case TAKE -> {
                kernel().acquire(lock, operation.mode(), this);
                yield HLNull.SINGLETON;
            }
            case TRY -> kernel().tryAcquire(lock, operation.mode());
            case RELEASE -> {
                kernel().release(lock, this);
                yield HLNull.SINGLETON;
            }
        };
    }
}
