package org.hotlock.kernel;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each model path takes the locks in the order of kernel-model.md section 7, before (4.19)
 * and after (4.20) the series, and in the order of the v6.6 and v6.7 sources (the 6.x rows:
 * no mem_sysfs_mutex any more, block devices removed before mem_hotplug_lock is taken; the
 * driver-managed memory of virtio-mem and dax/kmem). The lock log records every acquisition; the comparison keeps
 * the hotplug locks (the fine-grained zone and pgdat locks are left out) and shows a run of
 * mem_sysfs_mutex acquisitions (one per memory section) once. Section 7 abbreviates: on ppc64
 * (16M sections, 128M blocks) the first section registers the block and attaches its device
 * (DEV) before the other seven sections take mem_sysfs_mutex again; the Xen worker re-takes
 * balloon_mutex after add_memory_resource(). KN(N) is a store's active reference to a file of
 * memoryN/ (kernfs_get_active in kernfs_fop_write), DRAIN(N) removal's wait for them
 * (kernfs_drain, from device_unregister under mem_sysfs_mutex and mem_hotplug_lock), after which
 * device_del -> bus_remove_device -> device_release_driver takes DEV(N). CHAIN.r is the memory
 * notifier chain's rwsem around each memory_notify (MEM_GOING_ONLINE and MEM_ONLINE in
 * online_pages, MEM_GOING_OFFLINE and MEM_OFFLINE in offline_pages); slab's callback takes SLAB
 * (slab_mutex) at MEM_GOING_OFFLINE; Xen's online page callback, xen_online_page, takes BALLOON
 * between the two notifications of online_pages. OF is of_mutex and OF_CHAIN.r the OF reconfiguration
 * chain's rwsem: pseries DLPAR writes the device tree under DHL when it succeeds (drmem_update_dt), and
 * the older removal through /proc/powerpc/ofdt runs the pseries notifier, which takes DHL, under the
 * chain's rwsem.
 */
class LockSequenceTest {

    /** An ACPI machine with 4G of boot memory and 4G to hot-add; %s is auto_online. */
    static final String X86 = """
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online %s
              drivers acpi_memhotplug
            }
            """;

    /** Runs setup, clears the log, runs the step, and returns the filtered acquisitions. */
    static List<String> acquisitions(String version, String machine, String setup, String step) {
        try (Context c = Context.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build()) {
            c.eval("hotlock", "kernel \"" + version + "\"\n" + machine + "\n" + setup + "\nlock_log_clear()\n");
            c.eval("hotlock", step);
            Value log = c.eval("hotlock", "lock_log()");
            List<String> result = new ArrayList<>();
            for (long i = 0; i < log.getArraySize(); i++) {
                String e = log.getArrayElement(i).asString();
                if (!e.startsWith("+")) {
                    continue;
                }
                String token = token(e.substring(1));
                if (token == null || (token.equals("SYSFS") && !result.isEmpty() && result.getLast().equals("SYSFS"))) {
                    continue;
                }
                result.add(token);
            }
            return result;
        }
    }

    private static String token(String lock) {
        if (lock.equals("device_hotplug_lock")) return "DHL";
        if (lock.equals("cpu_hotplug_lock(R)")) return "CPUHP.r";
        if (lock.equals("mem_hotplug_lock(W)")) return "MHL.w";
        if (lock.equals("mem_hotplug_lock(R)")) return "MHL.r";
        if (lock.equals("mem_sysfs_mutex")) return "SYSFS";
        if (lock.equals("acpi_scan_lock")) return "ACPI_SCAN";
        if (lock.equals("balloon_mutex")) return "BALLOON";
        if (lock.equals("(memory_chain).rwsem(R)")) return "CHAIN.r";
        if (lock.equals("of_mutex")) return "OF";
        if (lock.equals("(of_reconfig_chain).rwsem(R)")) return "OF_CHAIN.r";
        if (lock.equals("slab_mutex")) return "SLAB";
        if (lock.equals("sclp_mem_mutex")) return "SCLP";
        if (lock.endsWith("->physical_node_lock")) return "PHYS";
        if (lock.endsWith("->hotplug_mutex")) return "VM_HOTPLUG";
        if (lock.endsWith("->removal_lock")) return "VM_REMOVAL";
        if (lock.equals("param_lock")) return "PARAM";
        if (lock.startsWith("device_lock(memory")) return "DEV(" + lock.substring("device_lock(memory".length(), lock.length() - 1) + ")";
        if (lock.startsWith("device_lock(")) return "DEV(" + lock.substring("device_lock(".length(), lock.length() - 1) + ")";
        // kernfs active references of memoryN/: a store's kernfs_get_active, removal's kernfs_drain
        if (lock.startsWith("kn->count(memory")) {
            String block = lock.substring("kn->count(memory".length(), lock.indexOf(')'));
            return (lock.endsWith("(W)") ? "DRAIN(" : "KN(") + block + ")";
        }
        return null;
    }

    private static List<String> seq(String s) {
        return List.of(s.trim().split("\\s+"));
    }

    private static final String PROBED = "sysfs.write(\"/sys/devices/system/memory/probe\", 0x100000000)";

    @ParameterizedTest(name = "state=online on {0}")
    @CsvSource({
            "4.19, KN(32) DHL CPUHP.r MHL.w DEV(32) CHAIN.r CHAIN.r",
            "4.20, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r",
            "6.6, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r",
            "6.7, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r"})
    void stateStoreOnline(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"), PROBED,
                "sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"online\")"));
    }

    @ParameterizedTest(name = "state=offline on {0}")
    @CsvSource({
            "4.19, KN(32) DHL CPUHP.r MHL.w DEV(32) CHAIN.r SLAB CHAIN.r",
            "4.20, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r",
            "6.6, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r",
            "6.7, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r"})
    void stateStoreOffline(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"),
                PROBED + "\nsysfs.write(\"/sys/devices/system/memory/memory32/state\", \"online\")",
                "sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"offline\")"));
    }

    private static final String VETO = """
            fn veto(action, arg) { return action == MEM_GOING_OFFLINE ? notifier_from_errno(-EBUSY) : NOTIFY_OK }
            register_memory_notifier(veto)
            """;

    /** A notifier vetoes MEM_GOING_OFFLINE after slab's callback: MEM_CANCEL_OFFLINE goes down the chain. */
    @ParameterizedTest(name = "state=offline vetoed on {0}")
    @CsvSource({
            "4.19, KN(32) DHL CPUHP.r MHL.w DEV(32) CHAIN.r SLAB CHAIN.r",
            "4.20, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r"})
    void stateStoreOfflineVetoed(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"),
                PROBED + "\nsysfs.write(\"/sys/devices/system/memory/memory32/state\", \"online\")\n" + VETO,
                "assert(sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"offline\") == -EBUSY, \"vetoed\")"));
    }

    /** An unmovable page: isolation fails under mem_hotplug_lock, before any notifier. */
    @ParameterizedTest(name = "state=offline of an unmovable page on {0}")
    @CsvSource({
            "4.19, KN(32) DHL CPUHP.r MHL.w DEV(32)",
            "4.20, KN(32) DHL DEV(32) CPUHP.r MHL.w"})
    void stateStoreOfflineUnmovable(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"),
                PROBED + "\nsysfs.write(\"/sys/devices/system/memory/memory32/state\", \"online\")\npin_pages(PFN_DOWN(4G), 1, \"unmovable\")",
                "assert(sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"offline\") == -EBUSY, \"unmovable\")"));
    }

    @ParameterizedTest(name = "online=1 on {0}")
    @CsvSource({
            "4.19, KN(32) DHL DEV(32) CHAIN.r CHAIN.r",
            "4.20, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r"})
    void onlineStore(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"), PROBED,
                "sysfs.write(\"/sys/devices/system/memory/memory32/online\", \"1\")"));
    }

    @ParameterizedTest(name = "online=0 on {0}")
    @CsvSource({
            "4.19, KN(32) DHL DEV(32) CHAIN.r SLAB CHAIN.r",
            "4.20, KN(32) DHL DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r"})
    void onlineStoreOffline(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"),
                PROBED + "\nsysfs.write(\"/sys/devices/system/memory/memory32/online\", \"1\")",
                "sysfs.write(\"/sys/devices/system/memory/memory32/online\", \"0\")"));
    }

    @ParameterizedTest(name = "probe, auto_online={1}, on {0}")
    @CsvSource({
            "4.19, false, CPUHP.r MHL.w SYSFS DEV(32)",
            "4.20, false, DHL CPUHP.r MHL.w SYSFS DEV(32)",
            "6.6, false, DHL CPUHP.r MHL.w DEV(32)",
            "6.7, false, DHL CPUHP.r MHL.w DEV(32)",
            "6.7, true, DHL CPUHP.r MHL.w DEV(32) DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r",
            "4.19, true, CPUHP.r MHL.w SYSFS DEV(32) DEV(32) CHAIN.r CHAIN.r",
            "4.20, true, DHL CPUHP.r MHL.w SYSFS DEV(32) DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r"})
    void probe(String version, String autoOnline, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted(autoOnline), "", PROBED));
    }

    /**
     * An ACPI memory device hot-added (a firmware event: acpi_device_hotplug under DHL and
     * acpi_scan_lock), or present at boot: acpi_scan_init() (drivers/acpi/scan.c, v4.19 and
     * v4.20) attaches it under acpi_scan_lock alone, so that add takes no DHL (the R1 of
     * examples/drivers/acpi-boot-devices-4.20.hlk).
     */
    @ParameterizedTest(name = "ACPI {1} on {0}")
    @CsvSource({
            "4.19, hot-add, DHL ACPI_SCAN CPUHP.r MHL.w SYSFS DEV(32)",
            "4.20, hot-add, DHL ACPI_SCAN CPUHP.r MHL.w SYSFS DEV(32)",
            "6.6, hot-add, DHL ACPI_SCAN CPUHP.r MHL.w DEV(32)",
            "6.7, hot-add, DHL ACPI_SCAN CPUHP.r MHL.w DEV(32)",
            "4.19, device present at boot, ACPI_SCAN CPUHP.r MHL.w SYSFS DEV(32)",
            "4.20, device present at boot, ACPI_SCAN CPUHP.r MHL.w SYSFS DEV(32)"})
    void acpiAdd(String version, String way, String expected) {
        String step = way.equals("hot-add") ? "firmware_event(\"acpi_memory_device_add\", 4G..4G + 128M)"
                : "acpi_scan_init_attach([4G..4G + 128M])";
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"), "", step));
    }

    /**
     * An eject by the firmware, or through the ACPI device's sysfs attribute (acpi_eject_store
     * -> acpi_hotplug_schedule, drivers/acpi/device_sysfs.c v4.19/v4.20): that store takes no
     * hotplug lock, and the queued work (run at once outside a scenario) takes them as the
     * firmware's eject does.
     */
    @ParameterizedTest(name = "ACPI eject by {1} on {0}")
    @CsvSource({
            "4.19, firmware, DHL ACPI_SCAN PHYS DEV(32) CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(32) DEV(32)",
            "4.20, firmware, DHL ACPI_SCAN PHYS DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(32) DEV(32)",
            "6.6, firmware, DHL ACPI_SCAN PHYS DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r DRAIN(32) DEV(32) CPUHP.r MHL.w",
            "6.7, firmware, DHL ACPI_SCAN PHYS DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r DRAIN(32) DEV(32) CPUHP.r MHL.w",
            "4.19, sysfs, DHL ACPI_SCAN PHYS DEV(32) CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(32) DEV(32)",
            "4.20, sysfs, DHL ACPI_SCAN PHYS DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(32) DEV(32)"})
    void acpiEject(String version, String way, String expected) {
        String step = way.equals("firmware") ? "firmware_event(\"acpi_memory_device_eject\", 4G..4G + 128M)"
                : "assert(sysfs.write(\"/sys/bus/acpi/devices/PNP0C80:00/eject\", \"1\") == 1, \"the eject is queued\")";
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"),
                "firmware_event(\"acpi_memory_device_add\", 4G..4G + 128M)\n"
                        + "sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"online\")",
                step));
    }

    /**
     * An eject that cannot offline memory34 (an unmovable page): the first pass offlines 32,
     * finds 33 offline already and fails on 34; the second skips 32 and fails on 34 again;
     * acpi_bus_online puts back only 32 (drivers/acpi/scan.c, put_online).
     */
    @ParameterizedTest(name = "ACPI eject that fails on {0}")
    @CsvSource({
            "4.19, DHL ACPI_SCAN PHYS DEV(32) CHAIN.r SLAB CHAIN.r DEV(33) DEV(34) PHYS DEV(33) DEV(34) PHYS DEV(32) CHAIN.r CHAIN.r",
            "4.20, DHL ACPI_SCAN PHYS DEV(32) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r DEV(33) DEV(34) CPUHP.r MHL.w PHYS DEV(33) DEV(34) CPUHP.r MHL.w PHYS DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r"})
    void acpiEjectFails(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("false"),
                "firmware_event(\"acpi_memory_device_add\", 4G..4G + 384M)\n"
                        + "sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"online\")\n"
                        + "sysfs.write(\"/sys/devices/system/memory/memory34/state\", \"online\")\n"
                        + "pin_pages(PFN_DOWN(4G + 256M), 1, \"unmovable\")",
                "assert(firmware_event(\"acpi_memory_device_eject\", 4G..4G + 384M) == -EBUSY, \"the eject fails\")"));
    }

    private static final String XEN = """
            machine guest {
              platform xen
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..6G }
              auto_online true
              drivers xen_balloon
            }
            """;

    @ParameterizedTest(name = "Xen balloon reservation on {0}")
    @CsvSource({
            "4.19, BALLOON CPUHP.r MHL.w SYSFS DEV(32) DEV(32) CHAIN.r BALLOON CHAIN.r BALLOON",
            "4.20, BALLOON DHL CPUHP.r MHL.w SYSFS DEV(32) DEV(32) CPUHP.r MHL.w CHAIN.r BALLOON CHAIN.r BALLOON"})
    void xenBalloon(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, XEN, "",
                "sysfs.write(\"/sys/devices/system/xen_memory/xen_memory0/target_kb\", 4G / 1K + 128M / 1K)"));
    }

    private static final String POWERNV = """
            machine tracer {
              platform powernv
              block_size 128M
              node 0 { boot 0..4G }
              auto_online false
              drivers memtrace
            }
            """;

    @ParameterizedTest(name = "memtrace offline and remove on {0}")
    @CsvSource({
            "4.19, CHAIN.r SLAB CHAIN.r DHL CPUHP.r MHL.w SYSFS DRAIN(31) DEV(31)",
            "4.20, DHL CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(31) DEV(31)"})
    void memtraceOffline(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, POWERNV, "",
                "sysfs.write(\"/sys/kernel/debug/powerpc/memtrace/enable\", 128M)"));
    }

    @ParameterizedTest(name = "memtrace online on {0}")
    @CsvSource({
            "4.19, CPUHP.r MHL.w SYSFS DEV(31) SYSFS DEV(31) CHAIN.r CHAIN.r",
            "4.20, DHL CPUHP.r MHL.w SYSFS DEV(31) SYSFS DHL DEV(31) CPUHP.r MHL.w CHAIN.r CHAIN.r"})
    void memtraceOnline(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, POWERNV,
                "sysfs.write(\"/sys/kernel/debug/powerpc/memtrace/enable\", 128M)",
                "sysfs.write(\"/sys/kernel/debug/powerpc/memtrace/enable\", 0)"));
    }

    private static final String PSERIES = """
            machine lpar {
              platform pseries
              block_size 128M
              node 0 { boot 0..2G; hotpluggable 2G..3G }
              auto_online false
              drivers pseries_hotplug
            }
            """;

    @ParameterizedTest(name = "pseries DLPAR add on {0}")
    @CsvSource({
            "4.19, DHL CPUHP.r MHL.w SYSFS DEV(16) SYSFS DEV(16) CHAIN.r CHAIN.r OF OF_CHAIN.r",
            "4.20, DHL CPUHP.r MHL.w SYSFS DEV(16) SYSFS DEV(16) CPUHP.r MHL.w CHAIN.r CHAIN.r OF OF_CHAIN.r"})
    void pseriesAdd(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, PSERIES, "",
                "sysfs.write(\"/sys/kernel/dlpar\", \"memory add count 1\")"));
    }

    @ParameterizedTest(name = "pseries DLPAR remove on {0}")
    @CsvSource({
            "4.19, DHL DEV(16) CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(16) DEV(16) OF OF_CHAIN.r",
            "4.20, DHL DEV(16) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(16) DEV(16) OF OF_CHAIN.r"})
    void pseriesRemove(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, PSERIES,
                "sysfs.write(\"/sys/kernel/dlpar\", \"memory add count 1\")",
                "sysfs.write(\"/sys/kernel/dlpar\", \"memory remove count 1\")"));
    }

    /**
     * A remove by count that fails on the second LMB (an unmovable page): the first is removed,
     * the second's offline fails under mem_hotplug_lock, and the first is added back and onlined
     * (dlpar_memory_remove_by_count's rollback), all under one DHL.
     */
    @ParameterizedTest(name = "pseries DLPAR remove rolled back on {0}")
    @CsvSource({
            "4.19, DHL DEV(16) CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(16) DEV(16) DEV(17) CPUHP.r MHL.w SYSFS DEV(16) SYSFS DEV(16) CHAIN.r CHAIN.r",
            "4.20, DHL DEV(16) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(16) DEV(16) DEV(17) CPUHP.r MHL.w CPUHP.r MHL.w SYSFS DEV(16) SYSFS DEV(16) CPUHP.r MHL.w CHAIN.r CHAIN.r"})
    void pseriesRemoveRolledBack(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, PSERIES,
                "sysfs.write(\"/sys/kernel/dlpar\", \"memory add count 2\")\npin_pages(PFN_DOWN(2G + 128M), 1, \"unmovable\")",
                "assert(sysfs.write(\"/sys/kernel/dlpar\", \"memory remove count 2\") == -EINVAL, \"rolled back\")"));
    }

    /** A remove by DRC index: one LMB, as the remove by count does it. */
    @ParameterizedTest(name = "pseries DLPAR remove by index on {0}")
    @CsvSource({
            "4.19, DHL DEV(16) CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(16) DEV(16) OF OF_CHAIN.r",
            "4.20, DHL DEV(16) CPUHP.r MHL.w CHAIN.r SLAB CHAIN.r CPUHP.r MHL.w SYSFS DRAIN(16) DEV(16) OF OF_CHAIN.r"})
    void pseriesRemoveByIndex(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, PSERIES,
                "sysfs.write(\"/sys/kernel/dlpar\", \"memory add count 1\")\nvar first = 0\nfor lmb in drmem_lmbs { if (lmb.base_addr == 2G) first = lmb.drc_index }",
                "assert(sysfs.write(\"/sys/kernel/dlpar\", \"memory remove index \" + hex(first)) > 0, \"removed\")"));
    }

    /** An LPAR with 16M LMBs: one memory section per block, so the OF notifier's section loop removes whole blocks. */
    private static final String PSERIES_16M = PSERIES.replace("block_size 128M", "block_size 16M")
            .replace("hotpluggable 2G..3G", "hotpluggable 2G..2G + 64M");

    /** update_property's setup: DLPAR added the LMB at 2G (memory128), user space offlined it. */
    private static final String OF_RELEASE_SETUP = """
            sysfs.write("/sys/kernel/dlpar", "memory add count 1")
            sysfs.write("/sys/devices/system/memory/memory128/state", "offline")
            var first = 0
            for lmb in drmem_lmbs { if (lmb.base_addr == 2G) first = lmb.drc_index }
            """;

    /** remove_node's setup: a memory node attached, its memory probed (memory130), onlined and offlined. */
    private static final String OF_NODE_SETUP = """
            sysfs.write("/proc/powerpc/ofdt", "add_node /memory@82000000")
            sysfs.write("/sys/devices/system/memory/probe", "0x82000000")
            sysfs.write("/sys/devices/system/memory/memory130/state", "online")
            sysfs.write("/sys/devices/system/memory/memory130/state", "offline")
            """;

    /**
     * The older removal through /proc/powerpc/ofdt: update_property clears the LMB's ASSIGNED flag
     * (pseries_update_drconf_memory), remove_node detaches its memory node (pseries_remove_mem_node).
     * of_update_property / of_detach_node change the tree under of_mutex, then the notifier, under the
     * chain's rwsem, takes DHL and removes the section (pseries_remove_memblock: remove_memory on 4.19,
     * __remove_memory on 4.20, both under its DHL); the block is gone afterwards.
     */
    @ParameterizedTest(name = "pseries OF reconfig removal ({1}) on {0}")
    @CsvSource({
            "4.19, update_property, OF OF_CHAIN.r DHL CPUHP.r MHL.w SYSFS DRAIN(128) DEV(128)",
            "4.20, update_property, OF OF_CHAIN.r DHL CPUHP.r MHL.w SYSFS DRAIN(128) DEV(128)",
            "4.19, remove_node, OF OF_CHAIN.r DHL CPUHP.r MHL.w SYSFS DRAIN(130) DEV(130)",
            "4.20, remove_node, OF OF_CHAIN.r DHL CPUHP.r MHL.w SYSFS DRAIN(130) DEV(130)"})
    void pseriesOfRemoval(String version, String way, String expected) {
        boolean release = way.equals("update_property");
        String command = release ? "\"update_property ibm,dynamic-memory \" + hex(first) + \" 0\"" : "\"remove_node /memory@82000000\"";
        int block = release ? 128 : 130;
        assertEquals(seq(expected), acquisitions(version, PSERIES_16M, release ? OF_RELEASE_SETUP : OF_NODE_SETUP,
                "assert(sysfs.write(\"/proc/powerpc/ofdt\", " + command + ") > 0, \"written\")\n"
                        + "assert(sysfs.read(\"/sys/devices/system/memory/memory" + block + "/state\") == -ENOENT, \"removed\")"));
    }

    /** add_node: the notifier only calls memblock_add; nothing of hotplug's is locked. */
    @ParameterizedTest(name = "pseries OF reconfig add_node on {0}")
    @CsvSource({"4.19, OF OF_CHAIN.r", "4.20, OF OF_CHAIN.r"})
    void pseriesOfAddNode(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, PSERIES_16M, "",
                "assert(sysfs.write(\"/proc/powerpc/ofdt\", \"add_node /memory@82000000\") > 0, \"attached\")"));
    }

    /** The Hyper-V balloon's hot-add of one chunk (auto-online): add_memory, with DHL on 4.20 only; hv_online_page's ha_lock is a fine-grained lock, left out. */
    @ParameterizedTest(name = "Hyper-V balloon hot-add on {0}")
    @CsvSource({
            "4.19, CPUHP.r MHL.w SYSFS DEV(32) DEV(32) CHAIN.r CHAIN.r",
            "4.20, DHL CPUHP.r MHL.w SYSFS DEV(32) DEV(32) CPUHP.r MHL.w CHAIN.r CHAIN.r"})
    void hvBalloonHotAdd(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, X86.formatted("true").replace("drivers acpi_memhotplug", "drivers hv_balloon"), "",
                "firmware_event(\"hv_hot_add\", 4G..4G + 128M)"));
    }

    /** s390: onlining standby memory, whose notifier takes sclp_mem_mutex at MEM_GOING_ONLINE and MEM_ONLINE. */
    @ParameterizedTest(name = "s390 standby memory online on {0}")
    @CsvSource({
            "4.19, KN(8) DHL CPUHP.r MHL.w DEV(8) CHAIN.r SCLP CHAIN.r SCLP",
            "4.20, KN(8) DHL DEV(8) CPUHP.r MHL.w CHAIN.r SCLP CHAIN.r SCLP"})
    void s390StandbyOnline(String version, String expected) {
        String machine = "machine z { platform s390; block_size 256M; node 0 { boot 0..2G; hotpluggable 2G..3G }; drivers sclp_mem }";
        assertEquals(seq(expected), acquisitions(version, machine, "",
                "sysfs.write(\"/sys/devices/system/memory/memory8/state\", \"online\")"));
    }

    private static final String VIRTIO = """
            machine guest {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online true
              drivers virtio_mem
            }
            """;

    private static final String AUTO_MOVABLE = "sysfs.write(\"/sys/module/memory_hotplug/parameters/online_policy\", \"auto-movable\")";

    /**
     * virtio-mem plugs a block: add_memory_driver_managed() takes DHL and adds under MHL (the new
     * block's device attaches under it), then auto-onlines it under DHL, its device lock and MHL
     * (memory_block_online: 6.7 itself, 6.6 in online_pages; the same order). virtio-mem's
     * notifier takes vm->hotplug_mutex at MEM_GOING_ONLINE, inside the chain's rwsem, and drops
     * it at MEM_ONLINE.
     */
    @ParameterizedTest(name = "virtio-mem plug, auto-movable, on {0}")
    @CsvSource({
            "6.6, DHL CPUHP.r MHL.w DEV(32) DEV(32) CPUHP.r MHL.w CHAIN.r VM_HOTPLUG CHAIN.r",
            "6.7, DHL CPUHP.r MHL.w DEV(32) DEV(32) CPUHP.r MHL.w CHAIN.r VM_HOTPLUG CHAIN.r"})
    void virtioMemPlug(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, VIRTIO, AUTO_MOVABLE,
                "firmware_event(\"virtio_mem_plug\", 4G..4G + 128M)"));
    }

    /**
     * virtio-mem unplugs it: offline_and_remove_memory() holds DHL across device_offline() (device
     * lock, then MHL; slab's callback, then virtio-mem's, at MEM_GOING_OFFLINE) and
     * try_remove_memory(), which drains and unregisters the block's device before it takes MHL
     * (the barrier against onlining is DHL); then virtio_mem_retry() takes the removal lock.
     */
    @ParameterizedTest(name = "virtio-mem offline and remove on {0}")
    @CsvSource({
            "6.6, DHL DEV(32) CPUHP.r MHL.w CHAIN.r SLAB VM_HOTPLUG CHAIN.r DRAIN(32) DEV(32) CPUHP.r MHL.w VM_REMOVAL",
            "6.7, DHL DEV(32) CPUHP.r MHL.w CHAIN.r SLAB VM_HOTPLUG CHAIN.r DRAIN(32) DEV(32) CPUHP.r MHL.w VM_REMOVAL"})
    void virtioMemUnplug(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, VIRTIO,
                AUTO_MOVABLE + "\nfirmware_event(\"virtio_mem_plug\", 4G..4G + 128M)",
                "firmware_event(\"virtio_mem_unplug\", 4G..4G + 128M)"));
    }

    @ParameterizedTest(name = "online_policy store on {0}")
    @CsvSource({"6.6, PARAM", "6.7, PARAM"})
    void onlinePolicyStore(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, VIRTIO, "", AUTO_MOVABLE));
    }

    private static final String DAX = """
            machine host {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..4G + 256M }
              auto_online false
              drivers dax_kmem
            }
            """;

    /** kmem's probe adds the dax range's two blocks under the dax device's lock (bind_store). */
    @ParameterizedTest(name = "dax/kmem bind on {0}")
    @CsvSource({
            "6.6, DEV(dax0.0) DHL CPUHP.r MHL.w DEV(32) DEV(33)",
            "6.7, DEV(dax0.0) DHL CPUHP.r MHL.w DEV(32) DEV(33)"})
    void daxKmemBind(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, DAX, "",
                "sysfs.write(\"/sys/bus/dax/drivers/kmem/bind\", \"dax0.0\")"));
    }

    /**
     * kmem's remove callback (unbind_store, under the dax device's lock) calls remove_memory():
     * DHL, the block devices drained and unregistered, then MHL: the order the 2019 lockdep
     * report of dev_dax_kmem_remove led to (kernel-model.md section 5).
     */
    @ParameterizedTest(name = "dax/kmem unbind on {0}")
    @CsvSource({
            "6.6, DEV(dax0.0) DHL DRAIN(32) DEV(32) DRAIN(33) DEV(33) CPUHP.r MHL.w",
            "6.7, DEV(dax0.0) DHL DRAIN(32) DEV(32) DRAIN(33) DEV(33) CPUHP.r MHL.w"})
    void daxKmemUnbind(String version, String expected) {
        assertEquals(seq(expected), acquisitions(version, DAX,
                "sysfs.write(\"/sys/bus/dax/drivers/kmem/bind\", \"dax0.0\")",
                "sysfs.write(\"/sys/bus/dax/drivers/kmem/unbind\", \"dax0.0\")"));
    }
}
