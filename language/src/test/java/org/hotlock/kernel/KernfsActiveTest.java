package org.hotlock.kernel;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.hotlock.test.Scripts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kernfs active references (issue 16): a sysfs store holds one on its file
 * (kernfs_get_active in kernfs_fop_write), removal drains them (device_del -> kernfs_remove ->
 * kernfs_drain), and a store that starts after removal began gets -ENODEV.
 */
class KernfsActiveTest {
    private static final String MACHINE = """
            kernel "%s"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online false
              drivers acpi_memhotplug
            }
            """;

    private static final String ADDED_ONLINE = """
            firmware_event("acpi_memory_device_add", 4G..4G + 128M)
            sysfs.write("/sys/devices/system/memory/memory32/state", "online")
            """;

    private static Context context(ByteArrayOutputStream out) {
        return Context.newBuilder("hotlock").out(out).err(out).option("engine.WarnInterpreterOnly", "false")
                .option("hotlock.TraceFile", "").option("hotlock.PctFirst", "0").build();
    }

    private static String run(String script) {
        return Scripts.run(script, Map.of("hotlock.TraceFile", "", "hotlock.PctFirst", "0"))[0];
    }

    @Test
    void anEjectRacingAnOnlineWriteCountsNoPageTwice() {
        String s = run(MACHINE.formatted("4.20") + ADDED_ONLINE + """
                thread firmware { firmware_event("acpi_memory_device_eject", 4G..4G + 128M) }
                thread admin { print("write: " + sysfs.write("/sys/devices/system/memory/memory32/online", "1")) }
                explore { firmware, admin } expect guarded_cycle
                """);
        assertFalse(s.contains("counted twice"), s);
        assertTrue(s.contains("every schedule explored"), s);
        assertTrue(s.contains("expectation met: guarded_cycle"), s);
        Set<String> results = new HashSet<>();
        for (String line : s.split("\n")) {
            if (line.startsWith("write: ")) {
                results.add(line.substring("write: ".length()));
            }
        }
        // before removal: 1 byte; after it began: -ENODEV (deactivated) or -ENOENT (gone)
        assertEquals(Set.of("1", "-19", "-2"), results, s);
    }

    @Test
    void aStoreThatBlocksOnDeviceHotplugLockDeadlocksWithRemoval() {
        String s = run(MACHINE.formatted("4.20") + """
                patch fn online_store(dev, buf) {
                  var val = kstrtobool(buf)
                  if (val == null) return -EINVAL
                  lock_device_hotplug()
                  var ret = val ? device_online(dev) : device_offline(dev)
                  unlock_device_hotplug()
                  return ret < 0 ? ret : len(buf)
                }
                """ + ADDED_ONLINE + """
                thread firmware { firmware_event("acpi_memory_device_eject", 4G..4G + 128M) }
                thread admin { sysfs.write("/sys/devices/system/memory/memory32/online", "0") }
                explore { firmware, admin } expect deadlock, cycle, guarded_cycle
                """);
        assertTrue(s.contains("wait-for cycle: firmware -[kn->count(memory32)]-> admin -[device_hotplug_lock]-> firmware"), s);
        // the lock-order cycle of the two, named from whichever dependency closed it
        assertTrue(s.contains("[cycle] possible circular locking dependency: kn->count --> device_hotplug_lock --> kn->count")
                || s.contains("[cycle] possible circular locking dependency: device_hotplug_lock --> kn->count --> device_hotplug_lock"), s);
        assertTrue(s.contains("expectation met: guarded_cycle, cycle, deadlock"), s);
    }

    @Test
    void theLockdepChainThroughKnCountIsInTheLockGraph() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = context(out)) {
            c.eval("hotlock", MACHINE.formatted("4.20") + ADDED_ONLINE
                    + "firmware_event(\"acpi_memory_device_eject\", 4G..4G + 128M)\n");
            Value edges = c.eval("hotlock", "lock_graph().edges");
            Set<String> found = new HashSet<>();
            for (long i = 0; i < edges.getArraySize(); i++) {
                Value e = edges.getArrayElement(i);
                found.add(e.getMember("from").asString() + " -> " + e.getMember("to").asString());
            }
            // the store: kn->count held across online_pages' mem_hotplug_begin
            assertTrue(found.contains("kn->count -> cpu_hotplug_lock"), found::toString);
            assertTrue(found.contains("cpu_hotplug_lock -> mem_hotplug_lock"), found::toString);
            // the eject: device_unregister (kernfs_drain) under mem_hotplug_lock closes it
            assertTrue(found.contains("mem_hotplug_lock -> kn->count"), found::toString);
            Value cycles = c.eval("hotlock", "lock_graph().cycles");
            boolean guarded = false;
            for (long i = 0; i < cycles.getArraySize(); i++) {
                Value cycle = cycles.getArrayElement(i);
                String classes = cycle.getMember("classes").toString();
                if (classes.contains("kn->count") && classes.contains("mem_hotplug_lock")) {
                    guarded |= cycle.getMember("gates").toString().contains("device_hotplug_lock");
                }
            }
            assertTrue(guarded, () -> "the kn->count cycle, gated by device_hotplug_lock: " + cycles);
        }
    }

    @Test
    void sysfsWaitReturnsOnceABlockDirectoryExists() {
        String s = run(MACHINE.formatted("4.20") + """
                thread probe { sysfs.write("/sys/devices/system/memory/probe", "0x100000000") }
                thread udev {
                  sysfs.wait("/sys/devices/system/memory/memory32")
                  print("udev: memory32 " + trim(sysfs.read("/sys/devices/system/memory/memory32/state")))
                }
                explore { probe, udev } expect clean
                print(sysfs.wait("/sys/devices/system/memory/memory0/"))
                """);
        assertTrue(s.contains("udev: memory32 offline"), s);
        assertFalse(s.contains("deadlock"), s);
        assertTrue(s.contains("expectation met: clean"), s);
        assertTrue(s.contains("null"), "an existing directory: null at once: " + s);
    }

    @Test
    void sysfsWaitForAMissingDirectoryOutsideAScenarioSaysItWouldWaitForever() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = context(out)) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> c.eval("hotlock", MACHINE.formatted("4.20")
                    + "sysfs.wait(\"/sys/devices/system/memory/memory40\")\n"));
            assertTrue(e.getMessage().contains("memory40 does not exist, and no other thread can create it"), e.getMessage());
        }
    }
}
