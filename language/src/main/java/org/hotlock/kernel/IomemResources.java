package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.runtime.HLObject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The iomem resource tree, flattened: the "System RAM" ranges, sorted by start. */
public final class IomemResources {
    /**
     * The tree as shared state (the kernel's resource_lock guards it): a request or release
     * writes it and a lookup reads it, each a step, so requests that race are explored in
     * both orders (two probes of one range: either may get -EEXIST).
     */
    public record Table() {
        @Override
        public String toString() {
            return "iomem";
        }
    }

    public static final Table TABLE = new Table();

    private final KernelTypes types;
    /** Whose scheduler each request, release and lookup is a step of. */
    private final Kernel kernel;
    private final List<HLObject> resources = new ArrayList<>();

    IomemResources(KernelTypes types, Kernel kernel) {
        this.types = types;
        this.kernel = kernel;
    }

    /** A step on the tree ({@link #TABLE}): a request or release writes it, a lookup reads it. */
    private void step(boolean write, String what) {
        kernel.point(write ? Event.Kind.WRITE : Event.Kind.READ, TABLE, write, what);
    }

    public List<HLObject> all() {
        return resources;
    }

    /** register_memory_resource: claims a "System RAM" range in iomem; null if it conflicts. */
    @TruffleBoundary
    public HLObject request(long start, long size, String name) {
        step(true, "request_mem_region " + Long.toHexString(start) + "+" + Long.toHexString(size));
        long end = start + size - 1;
        for (HLObject r : resources) {
            if (start <= KernelObjects.num(r, "end") && KernelObjects.num(r, "start") <= end) {
                return null;
            }
        }
        HLObject res = types.resource.instantiate();
        res.set("start", start);
        res.set("end", end);
        res.set("name", name);
        res.set("flags", 0L);
        resources.add(res);
        sort();
        return res;
    }

    /**
     * release_mem_region_adjustable: gives back [start, start+size) from whatever resources
     * cover it, shrinking or splitting a larger one (the boot "System RAM" range).
     */
    @TruffleBoundary
    public void releaseRegionAdjustable(long start, long size) {
        step(true, "release_mem_region_adjustable " + Long.toHexString(start) + "+" + Long.toHexString(size));
        long end = start + size - 1;
        List<HLObject> added = new ArrayList<>();
        for (Iterator<HLObject> it = resources.iterator(); it.hasNext(); ) {
            HLObject r = it.next();
            long rs = KernelObjects.num(r, "start");
            long re = KernelObjects.num(r, "end");
            if (re < start || rs > end) {
                continue;
            }
            if (rs >= start && re <= end) {
                it.remove();
            } else if (rs < start && re > end) {
                r.set("end", start - 1);
                HLObject tail = types.resource.instantiate();
                tail.set("start", end + 1);
                tail.set("end", re);
                tail.set("name", r.get("name"));
                tail.set("flags", r.get("flags"));
                added.add(tail);
            } else if (rs < start) {
                r.set("end", start - 1);
            } else {
                r.set("start", end + 1);
            }
        }
        resources.addAll(added);
        sort();
    }

    @TruffleBoundary
    public boolean release(HLObject res) {
        step(true, "release_mem_region");
        return resources.remove(res);
    }

    /** The resource exactly covering [start, start+size), or null. */
    @TruffleBoundary
    public HLObject find(long start, long size) {
        step(false, "find the iomem resource " + Long.toHexString(start) + "+" + Long.toHexString(size));
        for (HLObject r : resources) {
            if (KernelObjects.num(r, "start") == start && KernelObjects.num(r, "end") == start + size - 1) {
                return r;
            }
        }
        return null;
    }

    private void sort() {
        resources.sort((a, b) -> Long.compare(KernelObjects.num(a, "start"), KernelObjects.num(b, "start")));
    }

    /** The resources as they are now; the objects' fields are the snapshot's to restore. */
    @TruffleBoundary
    List<HLObject> save() {
        return new ArrayList<>(resources);
    }

    @TruffleBoundary
    void restore(List<HLObject> saved) {
        resources.clear();
        resources.addAll(saved);
    }
}
