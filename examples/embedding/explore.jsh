// explore.jsh: HotLock from jshell. Run from the repository root, after bin/hotlock has built once:
//   bin/jdk jshell --class-path "$(ls launcher/target/lib/*.jar | paste -sd:)" \
//          -R--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED -R-Dpolyglot.engine.WarnInterpreterOnly=false \
//          examples/embedding/explore.jsh
// Expected output: "lost update found: invariant" and the schedule that replays it.
import org.hotlock.embed.*;

var session = HotLock.session(java.io.OutputStream.nullOutputStream());
session.eval("""
    kernel "4.19"
    machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
    sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
    sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
    thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
    thread admin { sysfs.write("/sys/devices/system/memory/memory33/online", "1") }
    """);
var report = session.explore("probe", "admin");
System.out.println("lost update found: " + report.failure().category());
System.out.println("schedule: " + String.join(",", report.failure().schedule()));
session.close();
/exit
