// EmbedSeed.java: HotLock from a plain Java program. It runs the seed's lost-update scenario
// on both kernel models through the org.hotlock.embed facade and prints what each found.
//
// Run from the repository root, after bin/hotlock has built once:
//   bin/jdk java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
//        -cp "launcher/target/lib/*" examples/embedding/EmbedSeed.java
//
// Expected output: the 4.19 run reports the broken invariant and the race; 4.20 is clean of both.

import org.hotlock.embed.HotLock;
import org.hotlock.embed.Report;
import org.hotlock.embed.Session;

import java.io.OutputStream;
import java.util.TreeSet;

public class EmbedSeed {
    static final String SCENARIO = """
            kernel "%s"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..4G; hotpluggable 4G..8G }
              auto_online false
            }
            sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
            sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
            """;

    public static void main(String[] args) {
        System.setProperty("polyglot.engine.WarnInterpreterOnly", "false");
        for (String kernel : new String[]{"4.19", "4.20"}) {
            try (Session session = HotLock.session(OutputStream.nullOutputStream())) {
                session.eval(SCENARIO.formatted(kernel));
                Report report = session.explore("probe", "admin");
                TreeSet<String> categories = new TreeSet<>();
                report.findings().forEach(f -> categories.add(f.category()));
                System.out.println(kernel + ": " + report.executions() + " executions, failure: "
                        + (report.failure() == null ? "none" : report.failure().category()) + ", findings: " + categories);
            }
        }
    }
}
