package org.hotlock.test;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a script as the tests of every package do: in a fresh context with the options given. */
public final class Scripts {
    private Scripts() {
    }

    /** Runs the script; returns what it printed, and the error message if it failed (a guest error, never an internal one). */
    public static String[] run(String script, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Context.Builder b = Context.newBuilder("hotlock").out(out).err(out).option("engine.WarnInterpreterOnly", "false");
        options.forEach(b::option);
        try (Context c = b.build()) {
            try {
                c.eval("hotlock", script);
                return new String[]{out.toString(StandardCharsets.UTF_8), null};
            } catch (PolyglotException e) {
                assertTrue(e.isGuestException(), () -> "internal error: " + e);
                return new String[]{out.toString(StandardCharsets.UTF_8), e.getMessage()};
            }
        }
    }

    /** drivers/base/memory.c with d2ab99403ee0: a failed trylock returns without unlocking. */
    public static final String FIXED_PROBE = """
            patch fn memory_probe_store(dev, buf) {
              var pages_per_block = PAGES_PER_SECTION * sections_per_block
              var phys_addr = kstrtoull(buf)
              if (phys_addr == null) return -EINVAL
              if ((phys_addr & ((pages_per_block << PAGE_SHIFT) - 1)) != 0) return -EINVAL
              var ret = lock_device_hotplug_sysfs()
              if (ret != 0) return ret
              var nid = memory_add_physaddr_to_nid(phys_addr)
              if (nid < 0) ret = -EINVAL
              else ret = __add_memory(nid, phys_addr, MIN_MEMORY_BLOCK_SIZE * sections_per_block)
              if (ret == 0) ret = len(buf)
              unlock_device_hotplug()
              return ret
            }
            """;

    /** A probe with auto-online racing k writers of memoryN/online (as bench/k-writers writes it). */
    public static String kWriters(String kernel, int k) {
        StringBuilder sb = new StringBuilder("kernel \"" + kernel.replace("-fixed", "") + "\"\n");
        sb.append("machine box {\n  platform acpi\n  block_size 128M\n  node 0 { boot 0..4G; hotpluggable 4G..8G }\n  auto_online false\n}\n");
        if (kernel.endsWith("-fixed")) {
            sb.append(FIXED_PROBE);
        }
        StringBuilder threads = new StringBuilder("probe");
        for (int i = 1; i <= k; i++) {
            sb.append(String.format("sysfs.write(\"/sys/devices/system/memory/probe\", 0x%x)%n", 0x100000000L + i * 0x8000000L));
        }
        sb.append("sysfs.write(\"/sys/devices/system/memory/auto_online_blocks\", \"online\")\n");
        sb.append("thread probe { sysfs.write(\"/sys/devices/system/memory/probe\", 0x100000000) }\n");
        for (int i = 1; i <= k; i++) {
            sb.append("thread writer").append(i).append(" { sysfs.write(\"/sys/devices/system/memory/memory").append(32 + i)
                    .append("/online\", \"1\") }\n");
            threads.append(", writer").append(i);
        }
        return sb.append("explore { ").append(threads).append(" }\n").toString();
    }

}
