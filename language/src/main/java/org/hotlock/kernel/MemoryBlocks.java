package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

import java.util.NavigableMap;
import java.util.SortedMap;

/**
 * The memory blocks and their devices: the registered ones by block id (the N of memoryN), as
 * {@code find_memory_block_by_id} and sysfs see them.
 */
public final class MemoryBlocks {
    private final KernelTypes types;
    private final Topology topology;
    private final Locking locking;
    /** Blocks by block id; an execution's registrations are undone by a restore. */
    private final JournaledMap<Long, HLObject> registered = new JournaledMap<>();

    MemoryBlocks(KernelTypes types, Topology topology, Locking locking) {
        this.types = types;
        this.topology = topology;
        this.locking = locking;
    }

    /** Blocks by block id, ascending. */
    public NavigableMap<Long, HLObject> registered() {
        return registered.view();
    }

    @TruffleBoundary
    public HLObject find(long id) {
        return registered.get(id);
    }

    /** Creates the memory_block and its device, not yet visible in sysfs (device_add does that). */
    @TruffleBoundary
    public HLObject create(long startSectionNr, long nid) {
        long id = startSectionNr / topology.sectionsPerBlock();
        HLObject mem = types.memoryBlock.instantiate();
        mem.set("start_section_nr", startSectionNr);
        mem.set("phys_index", id);
        mem.set("state", (long) KernelObjects.MEM_OFFLINE);
        mem.set("online_type", -1L);
        mem.set("section_count", 0L);
        mem.set("nid", nid);
        mem.set("phys_device", 0L);
        HLObject dev = types.device.instantiate();
        dev.set("name", "memory" + id);
        dev.set("id", id);
        dev.set("offline", true);
        dev.set("offline_disabled", false);
        dev.set("mutex", locking.newDeviceLock("memory" + id));
        HLObject bus = topology.memoryBus();
        dev.set("bus", bus == null ? HLNull.SINGLETON : bus);
        dev.set("container", mem);
        dev.set("kobj_visible", false);
        mem.set("dev", dev);
        return mem;
    }

    /** Whether the block of this id is registered already. */
    boolean isRegistered(long id) {
        return registered.view().containsKey(id);
    }

    void register(long id, HLObject mem) {
        registered.put(id, mem);
    }

    void unregister(long id) {
        registered.remove(id);
    }

    @TruffleBoundary
    SortedMap<Long, HLObject> save() {
        return registered.save();
    }

    @TruffleBoundary
    void restore(SortedMap<Long, HLObject> saved) {
        registered.restore(saved);
    }
}
