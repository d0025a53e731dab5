package org.hotlock.test;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input and absurd requests get the kernel's answer or a clear limit error, never a crash. */
class HardeningTest {
    private static Context context() {
        return Context.newBuilder("hotlock").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false").build();
    }

    private static final String MACHINE = """
            kernel "%s"
            machine box {
              platform %s
              block_size 128M
              node 0 { boot 0..2G; hotpluggable 2G..3G }
              drivers %s
            }
            """;

    /** Every file of every driver's machine, written with garbage, nothing and too much, and read. */
    @Test
    void everySysfsFileAnswersGarbageEmptyAndHugeWritesAsTheKernelWould() {
        String[][] machines = {{"acpi", "acpi_memhotplug"}, {"powernv", "memtrace"}, {"pseries", "pseries_hotplug"}, {"xen", "xen_balloon"}};
        String huge = "9".repeat(5000);
        for (String version : List.of("4.19", "4.20")) {
            for (String[] m : machines) {
                try (Context c = context()) {
                    c.eval("hotlock", MACHINE.formatted(version, m[0], m[1]));
                    Value paths = c.eval("hotlock", "sysfs_paths()");
                    assertTrue(paths.getArraySize() > 10);
                    for (long i = 0; i < paths.getArraySize(); i++) {
                        String path = paths.getArrayElement(i).asString();
                        for (String value : List.of("garbage\u0000\u00ff", "", huge, "-1", "0x", "online_movable\n\n", " 1")) {
                            c.getBindings("hotlock").putMember("p", path);
                            c.getBindings("hotlock").putMember("v", value);
                            Value r = c.eval("hotlock", "sysfs.write(p, v)");
                            assertTrue(r.fitsInLong(), path + " <- " + value.length() + " chars: " + r);
                            if (r.asLong() == -13) {
                                continue; // a read-only file: opening it for writing fails first, as kernfs does
                            }
                            if (value.length() > 4096) {
                                assertEquals(-7, r.asLong(), "kernfs refuses writes over a page: -E2BIG");
                            } else if (value.isEmpty()) {
                                assertEquals(0, r.asLong(), "an empty write writes nothing");
                            }
                        }
                        Value read = c.eval("hotlock", "sysfs.read(p)");
                        assertTrue(read.isString() || read.fitsInLong(), path);
                    }
                    assertEquals(-2, c.eval("hotlock", "sysfs.write(\"/sys/devices/system/memory/memory999/state\", \"online\")").asLong());
                    assertEquals(-2, c.eval("hotlock", "sysfs.read(\"/proc/meminfo\")").asLong());
                }
            }
        }
    }

    @Test
    void absurdMachinesGetAClearError() {
        for (String[] bad : new String[][]{
                {"block_size 128M\n node 0 { boot 0..16P }", "the simulator's limit is 65536"},
                {"block_size 100M\n node 0 { boot 0..1G }", "is not a power of two"},
                {"block_size 0\n node 0 { boot 0..1G }", "is not a power of two"},
                {"block_size 1K\n node 0 { boot 0..1G }", "smaller than the acpi memory section size"},
                {"block_size 128M\n node 0 { boot 4G..1G }", "is empty or negative"},
                {"block_size 128M\n node 5000 { boot 0..1G }", "outside 0..1023"},
                {"block_size 128M\n node 0 { boot \"all\" }", "takes ranges such as 4G..8G"}}) {
            try (Context c = context()) {
                PolyglotException e = assertThrows(PolyglotException.class,
                        () -> c.eval("hotlock", "kernel \"4.20\"\nmachine m {\n " + bad[0] + "\n}\n"));
                assertTrue(e.isGuestException() && e.getMessage().contains(bad[1]), bad[0] + " -> " + e.getMessage());
                assertTrue(e.getSourceLocation() != null, "located: " + bad[0]);
            }
        }
    }

    @Test
    void aProbeOutsideTheMachineIsRefused() {
        try (Context c = context()) {
            c.eval("hotlock", MACHINE.formatted("4.20", "acpi", "acpi_memhotplug"));
            assertEquals(-22, c.eval("hotlock", "sysfs.write(\"/sys/devices/system/memory/probe\", 64T)").asLong());
            assertEquals(-22, c.eval("hotlock", "sysfs.write(\"/sys/devices/system/memory/probe\", \"0xffffffffffffffffff\")").asLong());
        }
    }

    /** Checker state must not grow with the number of executions: every finding is kept once. */
    @Test
    void memoryStaysFlatOverALongExploration() {
        try (Context c = context()) {
            c.eval("hotlock", """
                    kernel "4.19"
                    machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
                    sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
                    sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
                    thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
                    thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
                    """);
            c.eval("hotlock", "bench_scenario([probe, admin], 1500)");
            long first = usedAfterGc();
            Value r = c.eval("hotlock", "bench_scenario([probe, admin], 4000)");
            long second = usedAfterGc();
            assertTrue(r.getArrayElement(0).asLong() > 1000, "thousands of executions ran: " + r);
            assertTrue(second - first < 16L << 20, "memory grew by " + ((second - first) >> 20) + " MB over "
                    + r.getArrayElement(0).asLong() + " executions");
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void hostileSnippetsInAConstrainedContextAreRefused() {
        try (Context c = Context.newBuilder("hotlock").sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build()) {
            for (String hostile : List.of(
                    "java.lang.Runtime.getRuntime().exec(\"sh\")",   // host classes and processes
                    "Java.type(\"java.lang.System\").getenv()",       // the environment
                    "new java.io.File(\"/etc/passwd\")",               // files
                    "import(\"os\")",                                   // modules
                    "spawn(print)",                                     // threads outside the scheduler
                    "Polyglot.eval(\"js\", \"1\")")) {                 // other languages
                PolyglotException e = assertThrows(PolyglotException.class, () -> c.eval("hotlock", hostile), hostile);
                assertTrue(e.isGuestException(), hostile + ": " + e);
                assertFalse(e.isInternalError(), hostile);
                assertTrue(e.getSourceLocation() != null, hostile + " is a located error: " + e.getMessage());
            }
        }
    }
}
