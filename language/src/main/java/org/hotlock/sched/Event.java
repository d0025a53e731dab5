package org.hotlock.sched;

/**
 * One step of an execution: the visible operation a guest thread performs when it is
 * scheduled (a lock operation, an access to shared kernel state, a sysfs write, a yield).
 * {@code object} identifies what the operation touches, for the dependence relation of
 * partial-order reduction; {@code write} says whether it may conflict with a read.
 */
public record Event(int thread, Kind kind, Object object, boolean write, String description) {

    public enum Kind { START, ACQUIRE, TRYLOCK, RELEASE, READ, WRITE, SYSFS, YIELD, SPAWN, JOIN }

    /** Two events of different threads are dependent when they touch one object and one writes. */
    public boolean dependent(Event other) {
        return other.thread != thread && object != null && other.object != null
                && object.equals(other.object) && (write || other.write);
    }
}
