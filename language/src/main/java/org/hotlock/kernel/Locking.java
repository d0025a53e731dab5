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
    record State(Map<String, KernelLock> globalLocks, int deviceLocks, int lockLog) {
    }

    private final Map<String, KernelLock> globalLocks = new LinkedHashMap<>();
    private final List<KernelLock> deviceLocks = new ArrayList<>();
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

    public List<LockEvent> log() {
        return lockLog;
    }

    void logged(GuestThread thread, String op, KernelLock lock, LockMode mode) {
        lockLog.add(new LockEvent(thread, op, lock, mode));
    }

    @TruffleBoundary
    State save() {
        return new State(new LinkedHashMap<>(globalLocks), deviceLocks.size(), lockLog.size());
    }

    /** Back to the saved locks, every one free. */
    @TruffleBoundary
    void restore(State s) {
        globalLocks.clear();
        globalLocks.putAll(s.globalLocks());
        Kernel.truncate(deviceLocks, s.deviceLocks());
        Kernel.truncate(lockLog, s.lockLog());
        for (KernelLock l : globalLocks.values()) {
            l.reset();
        }
        for (KernelLock l : deviceLocks) {
            l.reset();
        }
    }
}
