package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The memory blocks and their devices: the registered ones by block id (the N of memoryN), as
 * {@code find_memory_block_by_id} and sysfs see them.
 */
public final class MemoryBlocks {
    private final KernelTypes types;
    private final Topology topology;
    private final Locking locking;
    private final TreeMap<Long, HLObject> registered = new TreeMap<>();

    MemoryBlocks(KernelTypes types, Topology topology, Locking locking) {
        this.types = types;
        this.topology = topology;
        this.locking = locking;
    }

    /** Blocks by block id, ascending. */
    public TreeMap<Long, HLObject> registered() {
        return registered;
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
        return registered.containsKey(id);
    }

    void register(long id, HLObject mem) {
        changed(id, registered.put(id, mem));
    }

    void unregister(long id) {
        changed(id, registered.remove(id));
    }

    /**
     * Since the last restore: each block id changed and the block it had (null: none), in
     * order, so that restoring the same saved table again undoes just those.
     */
    private final List<Map.Entry<Long, HLObject>> undo = new ArrayList<>();
    private TreeMap<Long, HLObject> lastRestored;

    private void changed(long id, HLObject old) {
        if (lastRestored != null) {
            undo.add(new AbstractMap.SimpleImmutableEntry<>(id, old));
        }
    }

    @TruffleBoundary
    TreeMap<Long, HLObject> save() {
        return new TreeMap<>(registered);
    }

    @TruffleBoundary
    void restore(TreeMap<Long, HLObject> saved) {
        if (saved == lastRestored) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                Map.Entry<Long, HLObject> change = undo.get(i);
                if (change.getValue() == null) {
                    registered.remove(change.getKey());
                } else {
                    registered.put(change.getKey(), change.getValue());
                }
            }
        } else {
            registered.clear();
            registered.putAll(saved);
            lastRestored = saved;
        }
        undo.clear();
    }
}
