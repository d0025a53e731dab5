package org.hotlock.kernel;

import com.oracle.truffle.api.nodes.Node;

/**
 * What a thread does when a lock is not available. With one guest thread nothing can release
 * it, so the wait is a deadlock; the scheduler of concurrent scripts supplies a waiter that
 * parks the thread and runs others.
 */
public interface LockWaiter {
    /** Returns once the lock may be available again; throws when it never will be. */
    void waitFor(Kernel kernel, GuestThread thread, KernelLock lock, LockMode mode, Node location);

    /** Told of every release, so waiting threads can be woken. */
    default void released(Kernel kernel, KernelLock lock) {
    }

    LockWaiter SINGLE_THREADED = (kernel, thread, lock, mode, location) -> {
        throw new KernelDeadlockException(thread.name() + " waits for " + lock.describe()
                + ", and no other thread can release it: deadlock", location);
    };
}
