package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;

import java.util.ArrayList;
import java.util.List;

import static org.hotlock.kernel.KernelObjects.MEM_GOING_OFFLINE;
import static org.hotlock.kernel.KernelObjects.MEM_OFFLINE;
import static org.hotlock.kernel.KernelObjects.MEM_ONLINE;
import static org.hotlock.kernel.KernelObjects.stateName;

/**
 * What the simulator knows must always hold: present pages add up (checked whenever no thread
 * is inside a kernel operation), and a block's state follows the kernel's state machine
 * (checked at every write of it). Invariants keep no state of their own.
 */
public final class Invariants {
    private final KernelTypes types;
    private final Topology topology;
    private final MemoryBlocks blocks;

    Invariants(KernelTypes types, Topology topology, MemoryBlocks blocks) {
        this.types = types;
        this.topology = topology;
        this.blocks = blocks;
    }

    /**
     * Each zone's present pages equal the pages of the online blocks in it, and each node's
     * the sum of its zones'. Returns a description of the first broken one, or null.
     */
    @TruffleBoundary
    public String check() {
        if (!topology.booted()) {
            return null;
        }
        // at the end of every kernel operation: one pass over the blocks, counting each online
        // one in its zone (a machine has a few zones: they are told apart by a scan)
        long perBlock = topology.pagesPerBlock();
        List<HLObject> zones = new ArrayList<>();
        for (HLObject node : topology.nodes()) {
            HLList nodeZones = (HLList) node.get(types.nodeZones);
            for (int z = 0; z < nodeZones.size(); z++) {
                zones.add((HLObject) nodeZones.get(z));
            }
        }
        long[] expected = new long[zones.size()];
        for (HLObject mem : blocks.registered().values()) {
            if (KernelObjects.num(mem, types.blockState) == MEM_ONLINE) {
                int z = zones.indexOf(mem.get(types.blockZone));
                if (z >= 0) {
                    expected[z] += perBlock;
                }
            }
        }
        for (int z = 0; z < expected.length; z++) {
            HLObject zone = zones.get(z);
            long present = KernelObjects.num(zone, types.zonePresentPages);
            if (present != expected[z]) {
                return "zone " + zone.get("name") + " (node " + zone.get("nid") + "): present_pages is " + present
                        + " but its online blocks hold " + expected[z] + " pages ("
                        + (expected[z] > present ? (expected[z] - present) + " pages lost)" : (present - expected[z]) + " pages counted twice)");
            }
        }
        for (HLObject node : topology.nodes()) {
            long sum = 0;
            HLList nodeZones = (HLList) node.get(types.nodeZones);
            for (int z = 0; z < nodeZones.size(); z++) {
                sum += KernelObjects.num((HLObject) nodeZones.get(z), types.zonePresentPages);
            }
            long nodePresent = KernelObjects.num(node, types.nodePresentPages);
            if (sum != nodePresent) {
                return "node " + node.get("node_id") + ": node_present_pages is " + nodePresent + " but its zones hold " + sum + " pages";
            }
        }
        return null;
    }

    /**
     * A write of a block's state must follow the kernel's state machine
     * (memory_block_change_state, and the callers that poke the state directly, as memtrace does).
     */
    @TruffleBoundary
    void checkWrite(HLObject object, int field, Object value, String step, Node location) {
        if (object.type() != types.memoryBlock || field != types.blockState) {
            return;
        }
        Object old = object.get(field);
        boolean legal = value instanceof Long to && (to == MEM_ONLINE || to == MEM_OFFLINE || to == MEM_GOING_OFFLINE)
                && (!(old instanceof Long from) || legalTransition(from, to));
        if (!legal) {
            throw new InvariantException("kernel invariant broken: memory" + object.get("phys_index") + " state "
                    + (old instanceof Long l ? stateName(l) : Display.showNested(old)) + " -> "
                    + (value instanceof Long l ? stateName(l) : Display.showNested(value))
                    + " is not a transition of the memory block state machine"
                    + "\n  during step: " + step, location);
        }
    }

    /** Whether a block state change is one the kernel's state machine allows. */
    public static boolean legalTransition(long from, long to) {
        if (from == to) {
            return true;
        }
        return (from == MEM_OFFLINE && to == MEM_ONLINE)
                || (from == MEM_ONLINE && to == MEM_GOING_OFFLINE)
                || (from == MEM_GOING_OFFLINE && (to == MEM_OFFLINE || to == MEM_ONLINE));
    }

}
