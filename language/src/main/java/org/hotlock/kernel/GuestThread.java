package org.hotlock.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A guest thread: the script's main thread, or a declared thread. Holds the locks it took, in
 * order, as lockdep keeps a task's {@code held_locks}, so checks can ask "is X held, in which
 * mode, by this thread". Only the thread itself changes them: a release by another thread
 * frees the lock ({@link KernelLock#holders}) but leaves this thread's hold in place, as
 * lockdep's {@code __lock_release} does (it looks in the releasing task's locks only).
 */
public final class GuestThread {
    private final String name;
    private final int id;
    private final List<HeldLock> held = new ArrayList<>();
    /** The lock whose trylock failed last: a restarted sysfs write waits for it. */
    private KernelLock failedTrylock;
    /** The kernel operation the thread is in (its outermost), or null. */
    private String operation;
    private int operationDepth;

    /**
     * One hold of a lock, from the thread's acquire to its release. Two holds of a lock
     * overlap when one was granted while the other's thread still held the lock in a mode
     * that excludes it: a thread that did not hold the lock released it in between (a release
     * by a non-owner), and the lock kept neither hold's critical section from the other's.
     * Which holds overlap follows from the order of the operations on the lock alone, so the
     * checks that ask it see the same answer in every execution of one trace.
     */
    public static final class HeldLock {
        private final KernelLock lock;
        private final LockMode mode;
        private final GuestThread thread;
        private List<HeldLock> overlaps;

        HeldLock(KernelLock lock, LockMode mode, GuestThread thread) {
            this.lock = lock;
            this.mode = mode;
            this.thread = thread;
        }

        public KernelLock lock() {
            return lock;
        }

        public LockMode mode() {
            return mode;
        }

        public GuestThread thread() {
            return thread;
        }

        /** Whether the lock kept this hold's critical section apart from every other so far. */
        public boolean exclusive() {
            return overlaps == null;
        }

        /** Whether the lock failed to keep these two holds apart. */
        public boolean overlapsWith(HeldLock other) {
            return overlaps != null && overlaps.contains(other);
        }

        /** The holds this one overlapped, in the order they were granted (empty when none). */
        public List<HeldLock> overlaps() {
            return overlaps == null ? List.of() : overlaps;
        }

        void overlap(HeldLock other) {
            if (overlaps == null) {
                overlaps = new ArrayList<>(2);
            }
            overlaps.add(other);
            if (other.overlaps == null) {
                other.overlaps = new ArrayList<>(2);
            }
            other.overlaps.add(this);
        }

        @Override
        public String toString() {
            return lock.name() + (lock.kind().hasReadMode() ? "(" + mode.letter() + ")" : "");
        }
    }

    public GuestThread(String name, int id) {
        this.name = name;
        this.id = id;
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    public List<HeldLock> held() {
        return held;
    }

    /** The thread enters a kernel operation (a sysfs access, a firmware event), maybe within another. */
    public void enterOperation(String description) {
        if (operationDepth++ == 0) {
            operation = description;
        }
    }

    public void exitOperation() {
        if (operationDepth > 0 && --operationDepth == 0) {
            operation = null;
        }
    }

    /** The outermost kernel operation the thread is in, or null outside any. */
    public String operation() {
        return operation;
    }

    public boolean holds(KernelLock lock) {
        for (HeldLock h : held) {
            if (h.lock() == lock) {
                return true;
            }
        }
        return false;
    }

    public LockMode modeOf(KernelLock lock) {
        for (HeldLock h : held) {
            if (h.lock() == lock) {
                return h.mode();
            }
        }
        return null;
    }

    /** The hold of the lock taken last, or null. */
    public HeldLock holdOf(KernelLock lock) {
        for (int i = held.size() - 1; i >= 0; i--) {
            if (held.get(i).lock() == lock) {
                return held.get(i);
            }
        }
        return null;
    }

    HeldLock acquired(KernelLock lock, LockMode mode) {
        HeldLock h = new HeldLock(lock, mode, this);
        held.add(h);
        return h;
    }

    /** Ends the hold taken last; returns it, or null when the thread did not hold the lock. */
    HeldLock released(KernelLock lock) {
        for (int i = held.size() - 1; i >= 0; i--) {
            if (held.get(i).lock() == lock) {
                return held.remove(i);
            }
        }
        return null;
    }

    private long made;

    /**
     * An identity for an object this thread makes: the same in every execution in which the
     * thread has made as many objects before (its steps fix what it does).
     */
    public long nextIdentity() {
        return ((long) id << 40) | ++made;
    }

    public KernelLock failedTrylock() {
        return failedTrylock;
    }

    public void setFailedTrylock(KernelLock lock) {
        this.failedTrylock = lock;
    }

    @Override
    public String toString() {
        return name;
    }
}
