package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's locks: the global ones of the model by name ({@code device_hotplug_lock}), one
 * {@code dev->mutex} per memory block, and the log of every lock operation. Taking and
 * releasing is the kernel's job ({@link Kernel#acquire}); this keeps what exists and what
 * happened, and puts it back for the next execution of an exploration.
 */
public final class Locking {
    /** One lock operation: {@code +} taken, {@code -} released, {@code ?} a trylock that failed. */
    public record LockEvent(GuestThread thread, String op, KernelLock lock, LockMode mode) {
        @Override
        public String toString() {
            String m = lock.kind().hasReadMode() ? "(" + mode.letter() + ")" : "";
            return op + lock.name() + m;
        }
    }

    /** What an execution starts from: the locks that existed, and how long the log was. */
    record State(Map<String, KernelLock> globalLocks, int deviceLocks, int activeReferences, int lockLog) {
    }

    private final Map<String, KernelLock> globalLocks = new LinkedHashMap<>();
    private final List<KernelLock> deviceLocks = new ArrayList<>();
    /** One per memory block directory, made when the device is added (its kernfs node). */
    private final List<KernelLock> activeReferences = new ArrayList<>();
    /**
     * The active-reference locks taken or deactivated since the last restore: only those are
     * reset (a machine has a directory per block, and an execution touches a few).
     */
    private final List<KernelLock> touchedActiveReferences = new ArrayList<>();
    private final List<LockEvent> lockLog = new ArrayList<>();

    /** A global lock of the model; one instance per name, made on first use. */
    @TruffleBoundary
    public KernelLock globalLock(String name, LockKind kind) {
        return globalLocks.computeIfAbsent(name, n -> new KernelLock(n, n, kind));
    }

    public Map<String, KernelLock> globalLocks() {
        return globalLocks;
    }

    public List<KernelLock> deviceLocks() {
        return deviceLocks;
    }

    /** A block device's {@code dev->mutex}: every one is of the lock class {@code &dev->mutex}. */
    KernelLock newDeviceLock(String deviceName) {
        KernelLock lock = new KernelLock("device_lock(" + deviceName + ")", "&dev->mutex", LockKind.MUTEX);
        deviceLocks.add(lock);
        return lock;
    }

    /**
     * The kernfs active references of a device directory ({@code kn->active}), as lockdep
     * names them: every memory block directory is of the class {@code kn->count}.
     */
    KernelLock newActiveReference(String deviceName) {
        KernelLock lock = new KernelLock("kn->count(" + deviceName + ")", "kn->count", LockKind.KERNFS_ACTIVE);
        activeReferences.add(lock);
        return lock;
    }

    public List<KernelLock> activeReferences() {
        return activeReferences;
    }

    /** The lock was taken or deactivated: the next restore resets it. */
    void touched(KernelLock activeReference) {
        touchedActiveReferences.add(activeReference);
    }

    public List<LockEvent> log() {
        return lockLog;
    }

    void logged(GuestThread thread, String op, KernelLock lock, LockMode mode) {
        lockLog.add(new LockEvent(thread, op, lock, mode));
    }

    @TruffleBoundary
    State save() {
        return new State(new LinkedHashMap<>(globalLocks), deviceLocks.size(), activeReferences.size(), lockLog.size());
    }

    /** Back to the saved locks, every one free. */
    @TruffleBoundary
    void restore(State s) {
        globalLocks.clear();
        globalLocks.putAll(s.globalLocks());
        Kernel.truncate(deviceLocks, s.deviceLocks());
        Kernel.truncate(activeReferences, s.activeReferences());
        Kernel.truncate(lockLog, s.lockLog());
        for (KernelLock l : touchedActiveReferences) {
            l.reset();
        }
        touchedActiveReferences.clear();
        for (KernelLock l : globalLocks.values()) {
            l.reset();
        }
        for (KernelLock l : deviceLocks) {
            l.reset();
        }
    }
}
