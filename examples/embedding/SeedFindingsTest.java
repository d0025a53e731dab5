// SeedFindingsTest.java: a JUnit 5 test as another project would write one, asserting on
// HotLock's findings. HotLock's own suite compiles and runs it (EmbeddingExamplesTest).

import org.hotlock.embed.HotLock;
import org.hotlock.embed.Report;
import org.hotlock.embed.Session;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SeedFindingsTest {
    static Report explore(String kernel) {
        try (Session s = HotLock.session(OutputStream.nullOutputStream())) {
            s.eval("kernel \"" + kernel + "\"\n"
                    + "machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }\n"
                    + "sysfs.write(\"/sys/devices/system/memory/probe\", \"0x108000000\")\n"
                    + "thread admin { sysfs.write(\"/sys/devices/system/memory/memory33/online\", \"1\") }\n");
            return s.explore("admin");
        }
    }

    @Test
    public void onlineStoreBreaksR4aBefore2018() {
        Report r = explore("4.19");
        assertTrue(r.findings().stream().anyMatch(f -> f.category().equals("violation(R4a)")), r.findings().toString());
    }

    @Test
    public void onlineStoreKeepsTheRulesAfter2018() {
        Report r = explore("4.20");
        assertNull(r.failure());
        assertEquals(0, r.findings().stream().filter(f -> f.kind().equals("violation")).count(), r.findings().toString());
    }
}
