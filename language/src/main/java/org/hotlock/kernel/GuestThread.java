package org.hotlock.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A guest thread: the script's main thread, or a declared thread. Holds the locks it took, in
 * order, so checks can ask "is X held, in which mode, by this thread".
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

    public record HeldLock(KernelLock lock, LockMode mode) {
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

    void acquired(KernelLock lock, LockMode mode) {
        held.add(new HeldLock(lock, mode));
    }

    void released(KernelLock lock) {
        for (int i = held.size() - 1; i >= 0; i--) {
            if (held.get(i).lock() == lock) {
                held.remove(i);
                return;
            }
        }
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
