package org.hotlock.kernel;

import org.hotlock.runtime.Display;

/**
 * One step of an execution: the visible operation a guest thread performs when it is
 * scheduled (a lock operation, an access to shared kernel state, a sysfs access, a yield).
 * {@code object} identifies what the operation touches, for the dependence relation of
 * partial-order reduction; {@code write} says whether it may conflict with a read.
 * {@code detail} is what the report needs (the lock mode, the value written or read, a
 * description); the text is only made when a report is printed, so steps stay cheap.
 */
public record Event(int thread, Kind kind, Object object, boolean write, Object detail) {

    public enum Kind { START, ACQUIRE, TRYLOCK, RELEASE, READ, WRITE, SYSFS, YIELD }

    /** Two events of different threads are dependent when they touch one object and one writes. */
    public boolean dependent(Event other) {
        return other.thread != thread && object != null && other.object != null
                && object.equals(other.object) && (write || other.write);
    }

    /** The same event with the detail a report shows (the value a read saw). */
    public Event withDetail(Object newDetail) {
        return new Event(thread, kind, object, write, newDetail);
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
