package org.hotlock.builtins.kernel;

import org.hotlock.builtins.BuiltinSpec;

import java.util.List;

/** The kernel primitives the models call: blocks and devices, nodes and zones, iomem, events, BUG/WARN, the kernel log. */
public final class KernelBuiltins {
    private KernelBuiltins() {
    }

    public static List<BuiltinSpec> all() {
        return List.of(
                BuiltinSpec.of(BugOnBuiltinFactory.getInstance()),
                BuiltinSpec.of(CheckInvariantsBuiltinFactory.getInstance()),
                BuiltinSpec.of(DeviceAddBlockBuiltinFactory.getInstance()),
                BuiltinSpec.of(DeviceDelBlockBuiltinFactory.getInstance()),
                BuiltinSpec.of(DriverPresentBuiltinFactory.getInstance()),
                BuiltinSpec.of(FindMemoryBlockBuiltinFactory.getInstance()),
                BuiltinSpec.of(FindResourceBuiltinFactory.getInstance()),
                BuiltinSpec.of(FirmwareEventBuiltinFactory.getInstance()),
                BuiltinSpec.of(KernelInfoBuiltinFactory.getInstance()),
                BuiltinSpec.of(KernelLogBuiltinFactory.getInstance()),
                BuiltinSpec.of(MemoryBlocksBuiltinFactory.getInstance()),
                BuiltinSpec.of(NewMemoryBlockBuiltinFactory.getInstance()),
                BuiltinSpec.of(NodeDataBuiltinFactory.getInstance()),
                BuiltinSpec.of(OnlineNodesBuiltinFactory.getInstance()),
                BuiltinSpec.of(PageZoneBuiltinFactory.getInstance()),
                BuiltinSpec.of(PhysaddrToNidBuiltinFactory.getInstance()),
                BuiltinSpec.of(PrintkBuiltinFactory.getInstance()),
                BuiltinSpec.of(RegisterEventBuiltinFactory.getInstance()),
                BuiltinSpec.of(ReleaseRegionBuiltinFactory.getInstance()),
                BuiltinSpec.of(ReleaseResourceBuiltinFactory.getInstance()),
                BuiltinSpec.of(RequestResourceBuiltinFactory.getInstance()),
                BuiltinSpec.of(SetPageZoneBuiltinFactory.getInstance()),
                BuiltinSpec.of(WarnOnBuiltinFactory.getInstance()));
    }
}
