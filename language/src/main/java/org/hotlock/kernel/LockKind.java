package org.hotlock.kernel;

/** The kernel's lock primitives that memory hotplug uses. */
public enum LockKind {
    MUTEX("mutex", false),
    RWSEM("rw_semaphore", true),
    PERCPU_RWSEM("percpu_rw_semaphore", true),
    SPINLOCK("spinlock", false),
    SEQLOCK("seqlock", false);

    private final String kernelName;
    private final boolean shared;

    LockKind(String kernelName, boolean shared) {
        this.kernelName = kernelName;
        this.shared = shared;
    }

    public String kernelName() {
        return kernelName;
    }

    /** True when the lock has a read (shared) mode besides the write (exclusive) one. */
    public boolean hasReadMode() {
        return shared;
    }
}
