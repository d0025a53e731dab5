package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.HLRange;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine the kernel booted on: its NUMA nodes with their zones, the sizes that follow
 * from the platform, and the memory bus. Fixed at boot; the nodes' and zones' fields change
 * as memory comes and goes, and the snapshot of an exploration restores those as it restores
 * every guest object, so there is no Java state here to save.
 */
public final class Topology {
    /** Refuse machines with more blocks than this: each block is an object and sysfs files. */
    public static final long MAX_BLOCKS = 1L << 16;

    private final KernelTypes types;
    private MachineSpec machine;
    private final List<HLObject> nodes = new ArrayList<>();
    private HLObject memoryBus;

    Topology(KernelTypes types) {
        this.types = types;
    }

    public boolean booted() {
        return machine != null;
    }

    public MachineSpec machine() {
        return machine;
    }

    public long blockSize() {
        return machine.blockSize;
    }

    public long sectionSize() {
        return machine.sectionSize();
    }

    public long sectionsPerBlock() {
        return machine.blockSize / machine.sectionSize();
    }

    public long pagesPerBlock() {
        return machine.blockSize >> Kernel.PAGE_SHIFT;
    }

    public List<HLObject> nodes() {
        return nodes;
    }

    public void setMemoryBus(HLObject bus) {
        this.memoryBus = bus;
    }

    public HLObject memoryBus() {
        return memoryBus;
    }

    /** Validates the machine and creates its nodes and zones. Boot memory is added by the model. */
    @TruffleBoundary
    void boot(MachineSpec spec, Node location) {
        if (machine != null) {
            throw new HLException("a machine is already declared (" + machine.name + "); one machine per kernel", location);
        }
        if (!MachineSpec.PLATFORMS.contains(spec.platform)) {
            throw new HLException("unknown platform '" + spec.platform + "' (known: " + String.join(", ", MachineSpec.PLATFORMS) + ")", location);
        }
        long bs = spec.blockSize;
        if (bs <= 0 || Long.bitCount(bs) != 1) {
            throw new HLException("block_size " + bs + " is not a power of two (the kernel's memory_block_size_bytes() always is)", location);
        }
        if (bs < spec.sectionSize()) {
            throw new HLException("block_size " + bs + " is smaller than the " + spec.platform + " memory section size "
                    + spec.sectionSize() + "; a block holds whole sections", location);
        }
        if (spec.nodes.isEmpty()) {
            throw new HLException("machine " + spec.name + " has no NUMA node: declare at least 'node 0 { boot 0..4G }'", location);
        }
        long total = 0;
        List<HLRange> all = new ArrayList<>();
        for (MachineSpec.NodeSpec n : spec.nodes) {
            for (HLRange r : ranges(n)) {
                if (r.start() < 0 || r.end() <= r.start()) {
                    throw new HLException("node " + n.id + ": range " + r + " is empty or negative", location);
                }
                if (r.start() % bs != 0 || r.end() % bs != 0) {
                    throw new HLException("node " + n.id + ": range " + r + " is not aligned to the block size " + bs, location);
                }
                for (HLRange other : all) {
                    if (r.start() < other.end() && other.start() < r.end()) {
                        throw new HLException("node " + n.id + ": range " + r + " overlaps " + other, location);
                    }
                }
                all.add(r);
                total += r.size() / bs;
            }
        }
        if (total > MAX_BLOCKS) {
            throw new HLException("machine " + spec.name + " has " + total + " memory blocks; the simulator's limit is " + MAX_BLOCKS
                    + " (use a larger block_size)", location);
        }
        this.machine = spec;
        for (MachineSpec.NodeSpec n : spec.nodes) {
            // a node without memory at boot is offline until memory is hot-added to it
            // (add_memory_resource -> __try_online_node)
            nodes.add(createNode(n.id, !n.boot.isEmpty()));
        }
    }

    /** A node's boot memory, then its hot-pluggable memory. */
    private static List<HLRange> ranges(MachineSpec.NodeSpec node) {
        List<HLRange> r = new ArrayList<>(node.boot);
        r.addAll(node.hotpluggable);
        r.addAll(node.present);
        return r;
    }

    private HLObject createNode(int id, boolean online) {
        HLObject pgdat = types.pgdat.instantiate();
        pgdat.set("node_id", (long) id);
        pgdat.set("node_start_pfn", 0L);
        pgdat.set("node_spanned_pages", 0L);
        pgdat.set("node_present_pages", 0L);
        pgdat.set("node_size_lock", new KernelLock("node" + id + "->node_size_lock", "&pgdat->node_size_lock", LockKind.SPINLOCK));
        pgdat.set("online", online);
        HLList zones = new HLList();
        String[] names = {"Normal", "Movable"};
        for (int i = 0; i < names.length; i++) {
            HLObject zone = types.zone.instantiate();
            zone.set("name", names[i]);
            zone.set("idx", (long) i);
            zone.set("nid", (long) id);
            zone.set("zone_start_pfn", 0L);
            zone.set("spanned_pages", 0L);
            zone.set("present_pages", 0L);
            zone.set("present_early_pages", 0L);
            zone.set("zone_pgdat", pgdat);
            zone.set("lock", new KernelLock("node" + id + "." + names[i] + "->lock", "&zone->lock", LockKind.SPINLOCK));
            zone.set("span_seqlock", new KernelLock("node" + id + "." + names[i] + "->span_seqlock", "&zone->span_seqlock", LockKind.SEQLOCK));
            zones.add(zone);
        }
        pgdat.set("node_zones", zones);
        return pgdat;
    }

    @TruffleBoundary
    public HLObject node(long nid) {
        for (HLObject n : nodes) {
            if (KernelObjects.num(n, "node_id") == nid) {
                return n;
            }
        }
        return null;
    }

    /** The node whose boot or hot-pluggable memory contains the address; -1 when none does. */
    @TruffleBoundary
    public long nodeOfAddress(long address) {
        for (MachineSpec.NodeSpec n : machine.nodes) {
            for (HLRange r : ranges(n)) {
                if (r.contains(address)) {
                    return n.id;
                }
            }
        }
        return -1;
    }
}
