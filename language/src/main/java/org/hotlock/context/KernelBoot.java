package org.hotlock.context;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelObjects;
import org.hotlock.kernel.MachineSpec;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.HLRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Boots the loaded kernel model on a declared machine: nodes and zones, the boot memory as
 * online blocks in ZONE_NORMAL, the "System RAM" resources, the globals the model reads
 * ({@code memhp_auto_online}, {@code memory_block_size}, ...), and each driver's init function
 * ({@code driver_init_NAME} in the model).
 */
public final class KernelBoot {
    private KernelBoot() {
    }

    @TruffleBoundary
    public static void boot(HotLockContext context, Kernel kernel, MachineSpec spec, Node location) {
        kernel.boot(spec, location);
        setGlobal(context, "memhp_auto_online", spec.autoOnline);
        setGlobal(context, "movable_node_enabled", spec.movableNode);
        setGlobal(context, "memory_block_size", spec.blockSize);
        setGlobal(context, "MIN_MEMORY_BLOCK_SIZE", spec.sectionSize());
        setGlobal(context, "sections_per_block", kernel.sectionsPerBlock());
        setGlobal(context, "PAGES_PER_SECTION", spec.sectionSize() >> Kernel.PAGE_SHIFT);
        setGlobal(context, "platform", spec.platform);
        HLList hotpluggable = new HLList();
        HLList boot = new HLList();
        for (MachineSpec.NodeSpec n : spec.nodes) {
            for (HLRange r : n.hotpluggable) {
                hotpluggable.add(r);
            }
            for (HLRange r : n.boot) {
                boot.add(r);
            }
        }
        setGlobal(context, "hotpluggable_ranges", hotpluggable);
        HLList present = new HLList();
        for (MachineSpec.NodeSpec n : spec.nodes) {
            for (HLRange r : n.present) {
                present.add(r);
            }
        }
        setGlobal(context, "present_at_boot_ranges", present);
        if (present.size() > 0 && !spec.drivers.contains("acpi_memhotplug")) {
            throw new HLException("present memory is described by ACPI memory devices present at boot: declare 'drivers acpi_memhotplug'", location);
        }
        setGlobal(context, "boot_ranges", boot);
        // v5.8+ models keep the default online type as an MMOP_* value
        // (CONFIG_MEMORY_HOTPLUG_DEFAULT_ONLINE: MMOP_ONLINE, else MMOP_OFFLINE)
        if (context.lookup("mhp_default_online_type") instanceof Long) {
            setGlobal(context, "mhp_default_online_type", context.lookup(spec.autoOnline ? "MMOP_ONLINE" : "MMOP_OFFLINE"));
        }
        Object offlineType = context.lookup("MMOP_OFFLINE");

        HLObject bus = kernel.types.busType.instantiate();
        bus.set("name", "memory");
        bus.set("online", function(context, "memory_subsys_online", location));
        bus.set("offline", function(context, "memory_subsys_offline", location));
        kernel.topology().setMemoryBus(bus);

        long pagesPerBlock = kernel.pagesPerBlock();
        for (MachineSpec.NodeSpec nodeSpec : spec.nodes) {
            HLObject node = kernel.topology().node(nodeSpec.id);
            HLObject normal = (HLObject) ((HLList) node.get("node_zones")).get(0);
            for (HLRange range : nodeSpec.boot) {
                kernel.iomem().request(range.start(), range.size(), "System RAM");
                for (long addr = range.start(); addr < range.end(); addr += spec.blockSize) {
                    HLObject mem = kernel.newMemoryBlock(addr / spec.sectionSize(), nodeSpec.id);
                    mem.set("state", (long) KernelObjects.MEM_ONLINE);
                    mem.set("section_count", kernel.sectionsPerBlock());
                    mem.set("zone", normal);
                    // mem->online_type of a block no store has configured: MMOP_OFFLINE
                    mem.set("online_type", offlineType);
                    ((HLObject) mem.get("dev")).set("offline", false);
                    kernel.registerBlock(mem, location);
                    grow(normal, addr >> Kernel.PAGE_SHIFT, pagesPerBlock, "zone_start_pfn", "spanned_pages", "present_pages");
                    // boot memory is early memory (early_section()): what auto-movable onlining counts on
                    normal.set("present_early_pages", (Long) normal.get("present_early_pages") + pagesPerBlock);
                    grow(node, addr >> Kernel.PAGE_SHIFT, pagesPerBlock, "node_start_pfn", "node_spanned_pages", "node_present_pages");
                }
            }
        }
        for (String driver : spec.drivers) {
            Object init = context.lookup("driver_init_" + driver);
            if (!(init instanceof HLFunction f)) {
                throw new HLException("kernel " + kernel.version + " has no driver '" + driver + "' (it has: "
                        + String.join(", ", knownDrivers(context)) + ")", location);
            }
            f.callTarget().call(location);
        }
        kernel.locking().log().clear();
    }

    private static List<String> knownDrivers(HotLockContext context) {
        List<String> names = new ArrayList<>();
        for (String name : context.definedGlobals().keySet()) {
            if (name.startsWith("driver_init_")) {
                names.add(name.substring("driver_init_".length()));
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Extends a zone's or node's span by a pfn range and adds its pages to the present count. */
    private static void grow(HLObject obj, long startPfn, long pages, String startField, String spanField, String presentField) {
        long start = (Long) obj.get(startField);
        long span = (Long) obj.get(spanField);
        long end = span == 0 ? startPfn + pages : Math.max(start + span, startPfn + pages);
        long newStart = span == 0 ? startPfn : Math.min(start, startPfn);
        obj.set(startField, newStart);
        obj.set(spanField, end - newStart);
        obj.set(presentField, (Long) obj.get(presentField) + pages);
    }

    private static void setGlobal(HotLockContext context, String name, Object value) {
        int index = context.globalIndex(name);
        context.writeGlobal(index, value);
        context.markModelGlobal(index, "set by the machine declaration");
    }

    private static HLFunction function(HotLockContext context, String name, Node location) {
        Object f = context.lookup(name);
        if (!(f instanceof HLFunction fn)) {
            throw new HLException("the kernel model does not define " + name, location);
        }
        return fn;
    }
}
