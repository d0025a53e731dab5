package org.hotlock.kernel;

import org.hotlock.runtime.StructType;

import java.util.List;

/**
 * The language makes one of these for every context (see {@link StructType#fix()}).
 * The kernel structures the simulator creates and the models read: the fields are the
 * kernel's own names. {@code memory_block.zone} is simulator bookkeeping in the 4.x models (the
 * kernel finds the zone from the pages) and the kernel's own {@code mem->zone} in the 6.x ones;
 * {@code memory_block.altmap}, {@code memory_block.group} and {@code zone.present_early_pages}
 * exist from v5.x on and only the 6.x models use them; everything else mirrors the kernel struct
 * of the same name.
 */
public final class KernelTypes {
    public final StructType memoryBlock = new StructType("memory_block",
            List.of("start_section_nr", "phys_index", "state", "online_type", "section_count", "nid", "dev", "zone", "phys_device",
                    "altmap", "group"));
    public final StructType device = new StructType("device",
            List.of("name", "id", "offline", "offline_disabled", "mutex", "bus", "container", "kobj_visible"));
    public final StructType busType = new StructType("bus_type", List.of("name", "online", "offline"));
    public final StructType zone = new StructType("zone",
            List.of("name", "idx", "nid", "zone_start_pfn", "spanned_pages", "present_pages", "zone_pgdat", "lock", "span_seqlock",
                    "present_early_pages"));
    public final StructType pgdat = new StructType("pglist_data",
            List.of("node_id", "node_start_pfn", "node_spanned_pages", "node_present_pages", "node_size_lock", "node_zones", "online"));
    public final StructType resource = new StructType("resource", List.of("start", "end", "name", "flags"));

    public final int blockState = memoryBlock.indexOf("state");
    public final int blockOnlineType = memoryBlock.indexOf("online_type");
    public final int zonePresentPages = zone.indexOf("present_pages");
    public final int nodePresentPages = pgdat.indexOf("node_present_pages");
    public final int nodeZones = pgdat.indexOf("node_zones");
    public final int blockZone = memoryBlock.indexOf("zone");

    public KernelTypes() {
        // Shared kernel state: scheduling points and race checks hang off these.
        memoryBlock.markShared(blockState);
        memoryBlock.markShared(blockOnlineType);
        zone.markShared(zonePresentPages);
        pgdat.markShared(nodePresentPages);
        for (StructType type : all()) {
            type.fix();
        }
    }

    public List<StructType> all() {
        return List.of(memoryBlock, device, busType, zone, pgdat, resource);
    }
}
