package org.hotlock.kernel;

import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLObject;

/**
 * What the kernel publishes as it runs: the checkers listen here. The kernel does not know who
 * listens; it calls every listener, in the order they were added, at the moment the kernel
 * itself would notice the event. Every method does nothing unless a listener overrides it.
 */
public interface KernelListener {
    /** A thread is about to take a lock by waiting for it, before it waits. */
    default void lockAcquiring(GuestThread thread, KernelLock lock, LockMode mode, Node location) {
    }

    /** A thread took a lock by waiting for it (a trylock waits for nothing and is not told here). */
    default void lockAcquired(GuestThread thread, KernelLock lock, LockMode mode, Node location) {
    }

    /**
     * A thread was granted a lock that another thread still holds, in a mode that excludes
     * it (a release by a non-owner freed the lock under that thread): the new hold overlaps
     * the holds it lists ({@link GuestThread.HeldLock#overlaps}).
     */
    default void holdsOverlapped(GuestThread.HeldLock hold) {
    }

    /** A guest function is called; only functions a listener asked to watch are reported. */
    default void functionCalled(GuestThread thread, String function, Node location) {
    }

    /** A thread is about to access shared kernel state, before the scheduling point of the access. */
    default void sharedAccessing(GuestThread thread, HLObject object, int field, boolean write, Node location) {
    }

    /** A thread accesses shared kernel state while guest threads are scheduled (after the scheduling point). */
    default void sharedAccessed(GuestThread thread, HLObject object, int field, boolean write, Node location) {
    }

    /** Guest threads start to be scheduled: a new execution begins. */
    default void executionStarted() {
    }

    /** A scheduled thread started another; everything the parent did so far happens before the child. */
    default void threadSpawned(GuestThread parent, GuestThread child) {
    }

    /** A scheduled thread waited for another to end. */
    default void threadJoined(GuestThread joiner, GuestThread child) {
    }

    /** While threads are scheduled, a device's sysfs directory appeared (device_add). */
    default void deviceAdded(GuestThread thread, SysfsKey directory) {
    }

    /** While threads are scheduled, a thread looked a sysfs file up and found it. */
    default void sysfsFound(GuestThread thread, SysfsKey directory) {
    }

    /** The kernel WARNed; the same warning object again each time the same WARN fires at the same place. */
    default void warning(KernelWarning warning) {
    }
}
