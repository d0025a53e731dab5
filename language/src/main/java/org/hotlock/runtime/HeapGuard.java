package org.hotlock.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The guest's data against the JVM's heap. Guest code that keeps growing what it holds (a
 * list appended to in a loop, a string doubled) would otherwise end in the JVM's own
 * OutOfMemoryError, or thrash its collector for minutes first. Each time the statement
 * budget is refilled (every few thousand loop iterations and calls, {@link GuestLimits}) this
 * looks at what the heap held after its last collection; past {@value #PERCENT}% of the
 * maximum heap it collects once to be sure, and if the data is still there the guest stops
 * with a located error. One guard for the JVM: contexts share its heap, and an embedder's
 * host too.
 */
public final class HeapGuard {
    /** The share of the maximum heap the data may take after a full collection. */
    static final int PERCENT = 80;

    private static final List<MemoryPoolMXBean> POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();

    private HeapGuard() {
    }

    /** What the heap held after the collections that last ran, in bytes. */
    private static long afterCollection() {
        long used = 0;
        for (MemoryPoolMXBean p : POOLS) {
            var u = p.getCollectionUsage();
            used += u == null ? 0 : u.getUsed();
        }
        return used;
    }

    private static long limit() {
        return Runtime.getRuntime().maxMemory() / 100 * PERCENT;
    }

    /** Null while the data fits; else what to tell the user. */
    public static String overLimit() {
        if (afterCollection() <= limit()) {
            return null;
        }
        // the figure may be a collection old: look again after one
        System.gc();
        long used = afterCollection();
        if (used <= limit()) {
            return null;
        }
        long mb = 1024 * 1024;
        return "the script's data takes " + used / mb + " MB of the JVM's " + Runtime.getRuntime().maxMemory() / mb
                + " MB heap, over the " + PERCENT + "% a script may hold: stopped here before the JVM runs out of memory"
                + " (keep less, or give the JVM more: HOTLOCK_JAVA_OPTS=-Xmx4g)";
    }
}
