package org.hotlock.kernel;

/** The kernel's lock primitives that memory hotplug uses. */
public enum LockKind {
    MUTEX("mutex", false),
    RWSEM("rw_semaphore", true),
    PERCPU_RWSEM("percpu_rw_semaphore", true),
    SPINLOCK("spinlock", false),
    SEQLOCK("seqlock", false),
    /**
     * A kernfs node's active references ({@code kn->active}, lockdep's {@code kn->count}):
     * every sysfs store holds one for read, removal deactivates the node and drains them as
     * a writer; once deactivated, a reader is refused (-ENODEV) instead of waiting.
     */
    KERNFS_ACTIVE("kernfs active reference", true);

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
