package org.hotlock.kernel;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import org.hotlock.runtime.GuestNamed;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel lock with real semantics: a mutex or spinlock has one holder, a (per-cpu)
 * rw-semaphore one writer or many readers. Its class (as lockdep groups locks) is its name for
 * global locks and e.g. {@code &dev->mutex} for the per-device locks.
 *
 * Two views of who holds it, as in the kernel. {@link #holders} is the lock itself (a mutex's
 * {@code owner} word, an rwsem's count): whom it keeps others waiting for. The threads' holds
 * ({@link GuestThread#held}, lockdep's {@code held_locks}) are what each thread took and has
 * not released itself. They differ only after a release by a thread that did not hold the
 * lock: {@code mutex_unlock} clears the owner whoever it is (kernel/locking/mutex.c,
 * {@code __mutex_unlock_slowpath}), while lockdep finds no such lock among the releasing
 * task's and reports it, leaving the owner's hold alone (kernel/locking/lockdep.c,
 * {@code __lock_release}, {@code print_unlock_imbalance_bug}).
 */
@ExportLibrary(InteropLibrary.class)
public final class KernelLock implements TruffleObject, GuestNamed {
    private final String name;
    private final String lockClass;
    private final LockKind kind;
    private final List<GuestThread> holders = new ArrayList<>(2);
    /** The threads' holds of this lock (lockdep's view): a release by a non-owner leaves them. */
    private final List<GuestThread.HeldLock> holds = new ArrayList<>(2);
    private LockMode heldMode;
    /**
     * The threads that wait for a lock with a read mode, in the order they came to wait (the
     * kernel's queue); empty for the other kinds, whose waiters take the lock in any order
     * once it is free.
     */
    private final List<Waiter> waiters = new ArrayList<>(2);

    private record Waiter(GuestThread thread, LockMode mode) {
    }
    /** A kernfs node that removal deactivated: no new active reference is granted (KERNFS_ACTIVE only). */
    private boolean deactivated;

    /** As HLObject#identity: which lock this is across executions, for one made during one. */
    private long identity;

    public void identify(long id) {
        this.identity = id;
    }

    /** Which lock this is across executions (and across the contexts of a search's workers); 0 when it has none. */
    public long identity() {
        return identity;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || identity != 0 && o instanceof KernelLock k && k.identity == identity;
    }

    @Override
    public int hashCode() {
        // the name: equal locks share it, and it does not change when the lock gets its
        // identity (a rule's clauses are keyed by their locks before any scenario runs)
        return name.hashCode();
    }

    public KernelLock(String name, String lockClass, LockKind kind) {
        this.name = name;
        this.lockClass = lockClass;
        this.kind = kind;
    }

    public String name() {
        return name;
    }

    public String lockClass() {
        return lockClass;
    }

    public LockKind kind() {
        return kind;
    }

    /** Who holds the lock itself (its owner word), which may differ from the threads' holds. */
    public List<GuestThread> holders() {
        return holders;
    }

    public LockMode heldMode() {
        return holders.isEmpty() ? null : heldMode;
    }

    public boolean isFree() {
        return holders.isEmpty();
    }

    /**
     * Whether taking or releasing the lock in this mode is an exclusive operation for the
     * explorer's dependence relation. Readers of an rw-semaphore neither exclude nor wake one
     * another, so their acquisitions and releases commute (they are reads of the lock); a
     * writer's, a mutex's, or a release by a non-owner (mode null) are writes. Nothing else
     * depends on them: a release by a non-owner changes the lock, not its owner's hold.
     */
    public boolean exclusive(LockMode mode) {
        return !(mode == LockMode.READ && kind.hasReadMode());
    }

    /**
     * Whether {@code mode} could be granted now to a thread that does not wait for the lock.
     * Readers share; a writer needs the lock free. For the kinds with a read mode, a new
     * reader is not let in while a writer waits, and a new writer not while anyone waits: it
     * queues behind them (a waiting writer makes the kernel's rwsem {@code count} negative, so
     * {@code __down_read} goes to {@code rwsem_down_read_failed} and queues, {@code
     * kernel/locking/rwsem-xadd.c}; a per-cpu rw-semaphore's writer holds {@code rw_sem} and
     * sets {@code readers_block}, and {@code __percpu_down_read} then waits on {@code rw_sem},
     * {@code kernel/locking/percpu-rwsem.c}; a kernfs node's removal deactivates it before it
     * drains, so a new active reference is refused, {@code fs/kernfs/dir.c},
     * {@code __kernfs_remove}). The kernel's writers may also take a free lock ahead of the
     * waiters by optimistic spinning; the model does not let them (see spec/kernel.md).
     */
    public boolean available(LockMode mode) {
        if (mode == LockMode.READ) {
            return !deactivated && readable(mode) && writerAhead(waiters.size()) == null;
        }
        return holders.isEmpty() && waiters.isEmpty();
    }

    /** Free, or held for read and asked for read: what the holders alone allow. */
    private boolean readable(LockMode mode) {
        if (holders.isEmpty()) {
            return true;
        }
        return mode == LockMode.READ && heldMode == LockMode.READ && kind.hasReadMode();
    }

    /**
     * Whether {@code mode} could be granted now to this thread: as {@link #available} for a
     * thread that does not wait for the lock; a waiting writer needs the lock free and no one
     * waiting ahead of it, a waiting reader needs it free or held for read and no writer
     * waiting ahead of it (the kernel's queue: {@code __rwsem_mark_wake} wakes the writer at
     * its head, or the readers there). A waiter that may take the lock keeps that until it
     * does: no one else can take the lock before it but readers beside it.
     */
    public boolean grantable(GuestThread thread, LockMode mode) {
        int place = place(thread);
        if (place < 0) {
            return available(mode);
        }
        if (mode == LockMode.WRITE) {
            return holders.isEmpty() && place == 0;
        }
        return !deactivated && readable(mode) && writerAhead(place) == null;
    }

    /**
     * Whether the thread, if it waits for the lock now, takes a place among its waiters: for a
     * kind with a read mode, unless it has one, or the lock is held for write and no one waits.
     * Then a place changes nothing another thread could see (the writer keeps everyone out,
     * and no one is ahead), and the thread waits as a mutex's waiters do, as if it came when
     * the lock is released (which the kernel's queue has too, had it come a little later).
     */
    public boolean queuesOnWait(GuestThread thread) {
        return kind.hasReadMode() && place(thread) < 0 && !(waiters.isEmpty() && !holders.isEmpty() && heldMode == LockMode.WRITE);
    }

    /** The thread cannot take the lock now and waits for it in the last place (see {@link #queuesOnWait}). */
    public void waits(GuestThread thread, LockMode mode) {
        if (queuesOnWait(thread)) {
            waiters.add(new Waiter(thread, mode));
        }
    }

    /** Whether the thread has taken its place among the lock's waiters. */
    public boolean waiting(GuestThread thread) {
        return place(thread) >= 0;
    }

    /** The thread no longer waits (it got the lock, or its wait ended otherwise). */
    public void stopsWaiting(GuestThread thread) {
        int place = place(thread);
        if (place >= 0) {
            waiters.remove(place);
        }
    }

    /** The first writer waiting ahead of a waiting thread (or of a new one), or null. */
    public GuestThread writerAhead(GuestThread thread) {
        int place = place(thread);
        return writerAhead(place < 0 ? waiters.size() : place);
    }

    private GuestThread writerAhead(int place) {
        for (int i = 0; i < place; i++) {
            if (waiters.get(i).mode() == LockMode.WRITE) {
                return waiters.get(i).thread();
            }
        }
        return null;
    }

    private int place(GuestThread thread) {
        for (int i = 0; i < waiters.size(); i++) {
            if (waiters.get(i).thread() == thread) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Grants the lock: the thread holds it. Another thread that still holds it in a mode that
     * excludes this one (the lock was released under it) overlaps with the new hold.
     */
    GuestThread.HeldLock grant(GuestThread thread, LockMode mode) {
        if (!waiters.isEmpty()) {
            stopsWaiting(thread);
        }
        holders.add(thread);
        heldMode = mode;
        GuestThread.HeldLock hold = thread.acquired(this, mode);
        for (GuestThread.HeldLock other : holds) {
            if (other.thread() != thread && !(mode == LockMode.READ && other.mode() == LockMode.READ && kind.hasReadMode())) {
                other.overlap(hold);
            }
        }
        holds.add(hold);
        return hold;
    }

    /**
     * The thread releases its hold. The lock itself is released too: the thread's own hold of
     * it, or, when a release by a non-owner took that away, whoever holds it now (mutex_unlock
     * clears the owner whoever it is; up_read/up_write count down). Returns false when the
     * thread does not hold the lock (lockdep's bad unlock balance).
     */
    boolean release(GuestThread thread) {
        GuestThread.HeldLock hold = thread.released(this);
        if (hold == null) {
            return false;
        }
        holds.remove(hold);
        if (!holders.remove(thread) && !holders.isEmpty()) {
            holders.removeFirst();
        }
        return true;
    }

    /**
     * A release by a thread that does not hold the lock: the lock is free of whoever held it
     * (returned, or null when nobody did); that thread's hold stays, as lockdep keeps it.
     */
    GuestThread releaseByNonOwner() {
        return holders.isEmpty() ? null : holders.removeFirst();
    }

    public void resetForSnapshot() {
        reset();
    }

    void reset() {
        // most of a machine's locks (a device lock per block) were not taken in the execution
        // a restore ends: they are left as they are, not written
        if (!holders.isEmpty()) {
            holders.clear();
        }
        if (!holds.isEmpty()) {
            holds.clear();
        }
        if (!waiters.isEmpty()) {
            waiters.clear();
        }
        heldMode = null;
        deactivated = false;
    }

    /** kernfs: removal deactivated the node; readers are refused from now on. */
    void deactivate() {
        deactivated = true;
    }

    public boolean deactivated() {
        return deactivated;
    }

    @Override
    public String guestTypeName() {
        return kind.kernelName();
    }

    @Override
    public String toString() {
        return name;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return describe();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder(kind.kernelName()).append(' ').append(name);
        if (holders.isEmpty()) {
            return sb.append(deactivated ? " (deactivated)" : " (free)").toString();
        }
        sb.append(" (held");
        if (kind.hasReadMode()) {
            sb.append(heldMode == LockMode.READ ? " for read" : " for write");
        }
        sb.append(" by ");
        for (int i = 0; i < holders.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(holders.get(i).name());
        }
        return sb.append(')').toString();
    }
}
