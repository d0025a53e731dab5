package org.hotlock.kernel;

import org.hotlock.runtime.HLRange;

import java.util.ArrayList;
import java.util.List;

/** A machine as a script declares it, before the kernel boots on it. */
public final class MachineSpec {
    public String name;
    public String platform = "acpi";
    public long blockSize = 128L << 20;
    public boolean autoOnline;
    /** The movable_node kernel parameter: memory onlined without a zone asked for goes to ZONE_MOVABLE. */
    public boolean movableNode;
    public final List<NodeSpec> nodes = new ArrayList<>();
    public final List<String> drivers = new ArrayList<>();

    public static final class NodeSpec {
        public final int id;
        public final List<HLRange> boot = new ArrayList<>();
        public final List<HLRange> hotpluggable = new ArrayList<>();
        /** Hot-pluggable memory whose ACPI memory device is present at boot (added by acpi_scan_init, not in the boot map). */
        public final List<HLRange> present = new ArrayList<>();

        public NodeSpec(int id) {
            this.id = id;
        }
    }

    /** Memory section size of the platform: 128M on x86 (ACPI, Xen), 16M on ppc64, 256M on s390 (SECTION_SIZE_BITS 28). */
    public long sectionSize() {
        return switch (platform) {
            case "powernv", "pseries" -> 16L << 20;
            case "s390" -> 256L << 20;
            default -> 128L << 20;
        };
    }

    public static final List<String> PLATFORMS = List.of("acpi", "powernv", "pseries", "s390", "xen");
}
