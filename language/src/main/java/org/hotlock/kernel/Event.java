package org.hotlock.kernel;

import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

/**
 * One step of an execution: the visible operation a guest thread performs when it is
 * scheduled (a lock operation, an access to shared kernel state, a sysfs access, a yield).
 * {@code object} identifies what the operation touches, for the dependence relation of
 * partial-order reduction; {@code write} says whether it may conflict with a read.
 * {@code detail} is what the report needs (the lock mode, the value written or read, a
 * description); the text is only made when a report is printed, so steps stay cheap.
 */
public record Event(int thread, Kind kind, Object object, boolean write, Object detail) {

    /**
     * WAIT: a restarted sysfs write waiting until the lock its trylock failed on is free (a
     * step that changes nothing). WAKE: a thread goes on past a wait (the file sysfs.wait waits
     * for is there, the thread it joins has ended); it reads what it waited for.
     */
    public enum Kind { START, ACQUIRE, TRYLOCK, RELEASE, READ, WRITE, SYSFS, YIELD, WAIT, WAKE }

    /**
     * Two events of different threads are dependent when they touch one object and one
     * writes. A thread's holds are its own state, read without a scheduling point by the
     * checks at its calls, accesses and lock operations, and changed only by its own steps: a
     * release by a non-owner frees the lock (a write of it) and leaves its owner's hold (see
     * KernelLock), so it depends only on the other operations on that lock.
     */
    public boolean dependent(Event other) {
        if (other.thread == thread) {
            return false;
        }
        if (object == null || other.object == null || !(write || other.write)) {
            return false;
        }
        if (object instanceof SysfsKey a && other.object instanceof SysfsKey b) {
            // a lookup reads the path it names and every directory above it; adding or
            // removing a device writes only the device's own directory
            return write ? b.within(a) : a.within(b);
        }
        if (object instanceof SysfsTree t) {
            // a listing reads; only a device's appearance or removal writes a directory
            return other.object instanceof SysfsKey k && t.changedBy(k);
        }
        if (other.object instanceof SysfsTree t) {
            return object instanceof SysfsKey k && t.changedBy(k);
        }
        return object.equals(other.object);
    }

    /**
     * Whether another context that ran the same script names what this step touches and reads
     * alike: every object it refers to has an identity (see Snapshot, Kernel#identify).
     */
    public boolean shareable() {
        return sameEverywhere(object) && sameEverywhere(detail);
    }

    private static boolean sameEverywhere(Object o) {
        if (o instanceof KernelLock l) {
            return l.identity() != 0;
        }
        if (o instanceof FieldKey k) {
            return k.object().identity() != 0;
        }
        if (o instanceof HLObject h) {
            return h.identity() != 0;
        }
        // values, and keys that are values (a sysfs directory, a thread, the table of threads)
        return o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>
                || o instanceof Record || o == HLNull.SINGLETON;
    }

    /** A step that touches nothing another thread could see: it commutes with every step. */
    public boolean local() {
        return object == null;
    }

    /**
     * A detail that says what a step is, beside the text a report shows: a failed trylock
     * after which the thread did nothing but restart its sysfs write, waiting for the lock (a
     * step that changes nothing, though whether it fails depends on who holds the lock); a
     * release of a lock nobody holds (the kernel warns, nothing changes); a device directory
     * appearing (device_add); an acquire of a lock with a read mode that does not get it and
     * waits: it takes its place among the lock's waiters, which new readers do not pass.
     */
    public record Note(What what, String text) {
        public enum What { RESTARTS, UNHELD, APPEARS, WAITS }

        @Override
        public String toString() {
            return text;
        }
    }

    private boolean noted(Note.What what) {
        return detail instanceof Note n && n.what() == what;
    }

    /** A release of a lock someone holds: an acquire of that lock after it could not have gone before it. */
    public boolean releasesHeld() {
        return kind == Kind.RELEASE && !noted(Note.What.UNHELD);
    }

    /** A device directory appearing (device_add): a wait for a file in it comes after it. */
    public boolean appearance() {
        return noted(Note.What.APPEARS);
    }

    /** A failed trylock the thread restarts after (see {@link Note}): a blocking acquire's wait, not a step of its own. */
    public boolean restarts() {
        return noted(Note.What.RESTARTS);
    }

    /** Takes a lock (a blocking acquire, or a trylock that succeeds). */
    public boolean acquires() {
        return object instanceof KernelLock && (kind == Kind.ACQUIRE && !waits() || kind == Kind.TRYLOCK && detail instanceof LockMode);
    }

    /** A blocking acquire, or a restarted write's wait for a lock: it comes after the release it follows. */
    public boolean waitedFor() {
        return kind == Kind.ACQUIRE && !waits() || kind == Kind.WAIT;
    }

    /** An acquire that does not get its lock (one with a read mode) and waits among its waiters (see {@link Note}). */
    public boolean waits() {
        return noted(Note.What.WAITS);
    }

    /** The same event with the detail a report shows (the value a read saw). */
    public Event withDetail(Object newDetail) {
        return new Event(thread, kind, object, write, newDetail);
    }

    public String description() {
        if ((detail instanceof String || detail instanceof Note) && !(object instanceof FieldKey)) {
            return detail.toString();
        }
        return switch (kind) {
            case START -> "start";
            case YIELD -> "yield";
            case ACQUIRE -> (detail == LockMode.READ ? "lock(R) " : "lock ") + name(object);
            case TRYLOCK -> "trylock " + name(object);
            case RELEASE -> "unlock " + name(object);
            case READ, WRITE -> {
                String what = (kind == Kind.READ ? "read " : "write ");
                if (object instanceof FieldKey k) {
                    yield what + KernelObjects.describeField(k.object(), k.field()) + " = " + KernelObjects.describeValue(k.object(), k.field(), detail);
                }
                yield what + object;
            }
            case SYSFS, WAIT, WAKE -> String.valueOf(detail);
        };
    }

    private static String name(Object lock) {
        return lock instanceof KernelLock l ? l.name() : Display.show(lock);
    }
}
