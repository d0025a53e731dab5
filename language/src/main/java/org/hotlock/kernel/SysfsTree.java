package org.hotlock.kernel;

/**
 * A sysfs directory with everything below it, as shared state: a listing of the devices
 * under it (the memory blocks of {@code for_each_memory_block}) reads it. It depends on every
 * device_add and device_del at or below the directory, and on those of the directories above
 * it, as a lookup of the directory does; listings and lookups, being reads, never depend on
 * one another.
 */
public record SysfsTree(SysfsKey root) {
    /** Whether adding or removing the device with this directory changes what the listing sees. */
    public boolean changedBy(SysfsKey written) {
        return written.within(root) || root.within(written);
    }
}
