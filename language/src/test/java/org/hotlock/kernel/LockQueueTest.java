package org.hotlock.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The waiters of a lock with a read mode, in the kernel's order: a new reader does not pass a
 * waiting writer, a new writer does not pass anyone waiting, and when the lock comes free the
 * head of the queue goes first (the writer there, or the readers up to the first writer).
 */
class LockQueueTest {
    private final GuestThread r1 = new GuestThread("r1", 1);
    private final GuestThread r2 = new GuestThread("r2", 2);
    private final GuestThread w1 = new GuestThread("w1", 3);
    private final GuestThread w2 = new GuestThread("w2", 4);

    @Test
    void aNewReaderDoesNotPassAWaitingWriter() {
        KernelLock lock = new KernelLock("r", "r", LockKind.RWSEM);
        lock.grant(r1, LockMode.READ);
        assertTrue(lock.available(LockMode.READ), "readers share while no writer waits");
        assertFalse(lock.grantable(w1, LockMode.WRITE));
        lock.waits(w1, LockMode.WRITE);
        assertFalse(lock.available(LockMode.READ), "a writer waits: a new reader queues behind it");
        assertFalse(lock.grantable(r2, LockMode.READ));
        lock.waits(r2, LockMode.READ);
        assertEquals(w1, lock.writerAhead(r2));
        lock.release(r1);
        assertTrue(lock.grantable(w1, LockMode.WRITE), "the writer at the head takes the free lock");
        assertFalse(lock.grantable(r2, LockMode.READ), "the reader behind it waits on");
        lock.grant(w1, LockMode.WRITE);
        lock.release(w1);
        assertTrue(lock.grantable(r2, LockMode.READ));
        assertNull(lock.writerAhead(r2));
    }

    @Test
    void theQueueGoesInTheOrderItCame() {
        KernelLock lock = new KernelLock("r", "r", LockKind.PERCPU_RWSEM);
        GuestThread r0 = new GuestThread("r0", 5);
        GuestThread r3 = new GuestThread("r3", 6);
        lock.grant(r0, LockMode.READ);
        lock.waits(w1, LockMode.WRITE);
        lock.waits(r1, LockMode.READ);
        lock.waits(w2, LockMode.WRITE);
        assertFalse(lock.available(LockMode.WRITE), "a new writer does not pass the waiters");
        lock.release(r0);
        assertTrue(lock.grantable(w1, LockMode.WRITE), "the writer at the head");
        assertFalse(lock.grantable(r1, LockMode.READ));
        assertFalse(lock.grantable(w2, LockMode.WRITE));
        lock.grant(w1, LockMode.WRITE);
        lock.release(w1);
        assertTrue(lock.grantable(r1, LockMode.READ), "then the reader that came before the second writer");
        assertFalse(lock.grantable(w2, LockMode.WRITE));
        lock.grant(r1, LockMode.READ);
        assertFalse(lock.grantable(w2, LockMode.WRITE), "held for read");
        assertFalse(lock.grantable(r3, LockMode.READ), "and a new reader waits behind the writer");
        lock.release(r1);
        assertTrue(lock.grantable(w2, LockMode.WRITE));
    }

    /**
     * Held for write with no one queued, a waiter takes no place: the writer keeps everyone
     * out anyway, and whoever comes first after the release may have it.
     */
    @Test
    void whileAWriterHoldsItWithNoOneQueuedWaitersTakeNoPlace() {
        KernelLock lock = new KernelLock("r", "r", LockKind.RWSEM);
        lock.grant(w1, LockMode.WRITE);
        assertFalse(lock.queuesOnWait(r1));
        lock.waits(r1, LockMode.READ);
        lock.waits(w2, LockMode.WRITE);
        assertFalse(lock.waiting(r1) || lock.waiting(w2));
        lock.release(w1);
        assertTrue(lock.grantable(r1, LockMode.READ) && lock.grantable(w2, LockMode.WRITE));
        lock.grant(r1, LockMode.READ);
        assertTrue(lock.queuesOnWait(w2), "held for read, a writer that waits takes a place");
    }

    @Test
    void aWaitingDrainRefusesNewActiveReferences() {
        KernelLock active = new KernelLock("kn->count(memory32)", "kn->count", LockKind.KERNFS_ACTIVE);
        active.grant(r1, LockMode.READ);
        active.waits(w1, LockMode.WRITE);
        assertFalse(active.available(LockMode.READ), "removal deactivated the node before it drains");
        active.reset();
        assertTrue(active.available(LockMode.READ), "a restore empties the queue");
        assertFalse(active.waiting(w1));
    }

    @Test
    void aMutexKeepsNoQueue() {
        KernelLock m = new KernelLock("m", "m", LockKind.MUTEX);
        m.grant(w1, LockMode.WRITE);
        m.waits(w2, LockMode.WRITE);
        assertFalse(m.waiting(w2), "its waiters take it in any order once it is free");
        m.release(w1);
        assertTrue(m.available(LockMode.WRITE));
    }
}
