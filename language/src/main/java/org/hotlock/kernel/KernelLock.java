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
 * rw-semaphore one writer or many readers. Each knows its holders and their modes. Its class
 * (as lockdep groups locks) is its name for global locks and e.g. {@code &dev->mutex} for the
 * per-device locks.
 */
@ExportLibrary(InteropLibrary.class)
public final class KernelLock implements TruffleObject, GuestNamed {
    private final String name;
    private final String lockClass;
    private final LockKind kind;
    private final List<GuestThread> holders = new ArrayList<>(2);
    private LockMode heldMode;
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
     * writer's, a mutex's, or a release by a non-owner (mode null) are writes.
     */
    public boolean exclusive(LockMode mode) {
        return !(mode == LockMode.READ && kind.hasReadMode());
    }

    /** Whether {@code mode} could be granted now. Readers share; a writer needs the lock free. */
    public boolean available(LockMode mode) {
        if (deactivated && mode == LockMode.READ) {
            return false;
        }
        if (holders.isEmpty()) {
            return true;
        }
        return mode == LockMode.READ && heldMode == LockMode.READ && kind.hasReadMode();
    }

    void grant(GuestThread thread, LockMode mode) {
        holders.add(thread);
        heldMode = mode;
        thread.acquired(this, mode);
    }

    /** Releases the thread's hold. Returns false when the thread did not hold it. */
    boolean release(GuestThread thread) {
        boolean removed = holders.remove(thread);
        if (removed) {
            thread.released(this);
        }
        return removed;
    }

    /** Whose hold a release by {@code thread} would end: the one {@link #releaseByNonOwner} picks, or null. */
    public GuestThread dispossessedBy(GuestThread thread) {
        return holders.isEmpty() || holders.contains(thread) ? null : holders.getFirst();
    }

    /** Releases on behalf of whoever holds it (a mutex_unlock by a non-owner does this). */
    GuestThread releaseByNonOwner() {
        if (holders.isEmpty()) {
            return null;
        }
        GuestThread owner = holders.removeFirst();
        owner.released(this);
        return owner;
    }

    public void resetForSnapshot() {
        reset();
    }

    void reset() {
        holders.clear();
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
