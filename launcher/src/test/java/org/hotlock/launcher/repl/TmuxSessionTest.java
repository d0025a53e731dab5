package org.hotlock.launcher.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher in a real terminal: tmux runs {@code hotlock} (no arguments, so the REPL),
 * send-keys types as a person would, capture-pane reads the screen. Needs tmux (.ci/run
 * installs it where it is missing).
 */
class TmuxSessionTest {
    private final String session = "hotlock-test-" + ProcessHandle.current().pid();

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private String screen() throws IOException, InterruptedException {
        return run("tmux", "capture-pane", "-t", session, "-p", "-S", "-");
    }

    /** Waits until the screen shows the text (the JVM and the JIT take their time on 2 cores). */
    private String waitFor(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String s = screen();
        while (!s.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            s = screen();
        }
        assertTrue(s.contains(text), "the screen never showed '" + text + "':\n" + s);
        return s;
    }

    private void type(String line) throws IOException, InterruptedException {
        run("tmux", "send-keys", "-t", session, "-l", line);
        run("tmux", "send-keys", "-t", session, "Enter");
    }

    @AfterEach
    void kill() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aSessionByKeyboardAlone() throws IOException, InterruptedException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Duser.home=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "org.hotlock.launcher.Main"));
        String shell = String.join(" ", command.stream().map(a -> "'" + a + "'").toList());
        run("tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50", shell + " 2>&1 || sleep 30");
        waitFor("hotlock>");
        type("kernel \"4.19\"");
        waitFor("|  loaded kernel model 4.19");
        type("machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }");
        type("sysfs.write(\"/sys/devices/system/memory/probe\", \"0x108000000\")");
        type("sysfs.write(\"/sys/devices/system/memory/auto_online_blocks\", \"online\")");
        type("thread probe { sysfs.write(\"/sys/devices/system/memory/probe\", 0x100000000) }");
        type("thread admin {");
        waitFor("   ...>");
        type("sysfs.write(\"/sys/devices/system/memory/memory33/online\", \"1\")");
        type("}");
        waitFor("|  created thread admin");
        type("/explore");
        waitFor("kernel invariant broken: zone Normal (node 0)");
        type("/kernel 4.20");
        waitFor("|  now on kernel 4.20");
        type("/explore");
        waitFor("cycle x5), every schedule explored");
        // tab completion of a sysfs path
        run("tmux", "send-keys", "-t", session, "-l", "sysfs.read(\"/sys/devices/system/memory/pro");
        run("tmux", "send-keys", "-t", session, "Tab");
        waitFor("sysfs.read(\"/sys/devices/system/memory/probe");
        run("tmux", "send-keys", "-t", session, "C-u");
        run("tmux", "send-keys", "-t", session, "C-d");
    }
}
