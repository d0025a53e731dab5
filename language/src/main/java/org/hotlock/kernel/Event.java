package org.hotlock.kernel;

import org.hotlock.runtime.Display;

/**
 * One step of an execution: the visible operation a guest thread performs when it is
 * scheduled (a lock operation, an access to shared kernel state, a sysfs access, a yield).
 * {@code object} identifies what the operation touches, for the dependence relation of
 * partial-order reduction; {@code write} says whether it may conflict with a read.
 * {@code detail} is what the report needs (the lock mode, the value written or read, a
 * description); the text is only made when a report is printed, so steps stay cheap.
 * {@code dispossesses} is the thread a release by a non-owner would take the lock from, as
 * things stand where the event is seen, or -1.
 */
public record Event(int thread, Kind kind, Object object, boolean write, Object detail, int dispossesses) {

    public enum Kind { START, ACQUIRE, TRYLOCK, RELEASE, READ, WRITE, SYSFS, YIELD }

    public Event(int thread, Kind kind, Object object, boolean write, Object detail) {
        this(thread, kind, object, write, detail, -1);
    }

    /**
     * Two events of different threads are dependent when they touch one object and one
     * writes, or when one takes a lock away from the other's thread. A thread's locks are
     * its own state, read without a scheduling point by the checks at its calls, accesses and
     * lock operations; only a release by a non-owner changes them from another thread, so
     * that release does not commute with any step of the thread it dispossesses.
     */
    public boolean dependent(Event other) {
        if (other.thread == thread) {
            return false;
        }
        if (dispossesses == other.thread || other.dispossesses == thread) {
            return true;
        }
        return object != null && other.object != null && object.equals(other.object) && (write || other.write);
    }

    /** The same event with the detail a report shows (the value a read saw). */
    public Event withDetail(Object newDetail) {
        return new Event(thread, kind, object, write, newDetail, dispossesses);
    }

    /** The same release, seen where it would take the lock from that thread. */
    public Event dispossessing(int holder) {
        return new Event(thread, kind, object, write, detail, holder);
    }

    public String description() {
        if (detail instanceof String s && !(object instanceof FieldKey)) {
            return s;
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
            case SYSFS -> String.valueOf(detail);
        };
    }

    private static String name(Object lock) {
        return lock instanceof KernelLock l ? l.name() : Display.show(lock);
    }
}
