package org.hotlock.kernel;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 2023 fix (001002e73712) one thread at a time: onlining and offlining a block that hosts
 * its own memmap changes the zone's and node's present pages outside mem_hotplug_lock on v6.6
 * (in memory_block_online/offline, around online_pages/offline_pages) and under it on v6.7.
 * Without memmap_on_memory v6.6 changes them only inside online_pages/offline_pages, under the
 * lock. The zone's pages add up either way.
 */
class MemmapOnMemoryTest {

    /** The rule findings of adding, onlining and offlining memory32, as RULE@function. */
    private static List<String> ruleFindings(String version, boolean memmapOnMemory) {
        try (Context c = Context.newBuilder("hotlock").option("engine.WarnInterpreterOnly", "false").build()) {
            c.eval("hotlock", "kernel \"" + version + "\"\n" + LockSequenceTest.X86.formatted("false")
                    + "memmap_on_memory = " + memmapOnMemory + "\n"
                    + "firmware_event(\"acpi_memory_device_add\", 4G..4G + 128M)\n"
                    + "sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"online\")\n"
                    + "assert(NODE_DATA(0).node_zones[0].present_pages == (4G + 128M) >> 12, \"memory32 is present\")\n"
                    + "sysfs.write(\"/sys/devices/system/memory/memory32/state\", \"offline\")\n"
                    + "assert(kernel_invariants() == null, \"present pages add up\")\n");
            Value findings = c.eval("hotlock", "findings()");
            List<String> result = new ArrayList<>();
            for (long i = 0; i < findings.getArraySize(); i++) {
                Value f = findings.getArrayElement(i);
                if (f.getMember("kind").asString().equals("violation")) {
                    String frame = f.getMember("stacks").getArrayElement(1).asString();
                    result.add(f.getMember("rule").asString() + "@" + frame.substring(0, frame.indexOf(' ')));
                }
            }
            return result;
        }
    }

    @ParameterizedTest(name = "{0}, memmap_on_memory={1}")
    @CsvSource({
            "6.6, true, R4a@memory_block_online R4a@memory_block_online R4a@memory_block_offline R4a@memory_block_offline",
            "6.6, false, ''",
            "6.7, true, ''",
            "6.7, false, ''"})
    void presentPagesOutsideTheLock(String version, boolean memmapOnMemory, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertEquals(want, ruleFindings(version, memmapOnMemory));
    }
}
