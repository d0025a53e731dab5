package org.hotlock.launcher.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real launcher in a real terminal: tmux runs {@code hotlock} (no arguments, so the REPL),
 * send-keys types as a person would, capture-pane reads the screen. Needs tmux (.ci/run
 * installs it where it is missing).
 */
class TmuxSessionTest {
    /** Each test its own tmux server (-L): a server whose last session ended may still be exiting when the next test starts one. */
    private final String session = "hotlock-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private String screen() throws IOException, InterruptedException {
        return run("tmux", "-L", session, "capture-pane", "-t", session, "-p", "-S", "-");
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
        run("tmux", "-L", session, "send-keys", "-t", session, "-l", line);
        run("tmux", "-L", session, "send-keys", "-t", session, "Enter");
    }

    @TempDir
    Path dir;

    @AfterEach
    void kill() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "-L", session, "kill-session", "-t", session).start().waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts hotlock with no arguments in tmux, in the directory given, with the environment given ("" for none). */
    private void start(Path workingDirectory, String environment) throws IOException, InterruptedException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "-Duser.home=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "org.hotlock.launcher.Main"));
        String shell = "cd '" + workingDirectory + "' && " + environment + " " + String.join(" ", command.stream().map(a -> "'" + a + "'").toList());
        run("tmux", "-L", session, "new-session", "-d", "-s", session, "-x", "160", "-y", "50", shell + " 2>&1 || sleep 30");
        waitFor("hotlock>");
    }

    private void keys(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", session, "send-keys", "-t", session));
        command.addAll(List.of(keys));
        run(command.toArray(String[]::new));
    }

    /** What the screen shows after the last time the line was typed at the prompt, once the next prompt is there. */
    private String after(String typed) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String s = screen();
            int at = s.lastIndexOf("hotlock> " + typed + "\n");
            if (at >= 0 && s.indexOf("\nhotlock>", at) >= 0) {
                return s.substring(at);
            }
            assertTrue(System.nanoTime() < deadline, "the answer to '" + typed + "' never ended with a prompt:\n" + s);
            Thread.sleep(200);
        }
    }

    /**
     * A newcomer's session, as the issue walks it: a machine, a block probed and onlined, a
     * function edited with a (scripted) editor and dropped, /vars without the kernel's names,
     * completion of sysfs. and of a path, /locks, /graph, /save; a long exploration with its
     * status line, stopped by Ctrl-C; and /open in a fresh REPL giving the same state.
     */
    @Test
    void aNewcomersSession() throws IOException, InterruptedException {
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/x + 1/x + 100/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        start(dir, "EDITOR='" + editor + "'");
        type("kernel \"4.19\"");
        type("machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }");
        type("sysfs.write(\"/sys/devices/system/memory/probe\", \"0x108000000\")");
        type("sysfs.write(\"/sys/devices/system/memory/memory33/online\", \"1\")");
        waitFor("$4 ==> 1");
        type("fn f(x) { return x + 1 }");
        type("/edit f");
        waitFor("|  replaced fn f");
        type("f(1)");
        waitFor("$7 ==> 101");
        type("/drop f");
        waitFor("|  dropped fn f");
        type("var blocks = 1");
        type("/vars");
        waitFor("|    int blocks = 1");
        String vars = after("/vars");
        assertTrue(vars.contains("|    int $3 = 11") && !vars.contains("EPERM") && !vars.contains("device_hotplug_lock"), vars);
        keys("-l", "sysfs.");
        keys("Tab");
        waitFor("sysfs.write");
        keys("C-u");
        keys("-l", "sysfs.read(\"/sys/devices/system/memory/memory33/st");
        keys("Tab");
        waitFor("sysfs.read(\"/sys/devices/system/memory/memory33/state");
        keys("-l", "\")");
        keys("Enter");
        waitFor("$9 ==> \"online\\n\"");
        keys("-l", "sysfs.read(");
        keys("Tab");
        waitFor("sysfs_read(path)  -- the text of a sysfs file, or -errno");
        keys("C-u");
        // Shift-Tab on a kernel model function: its declaration and the comment above it
        keys("-l", "memory_probe_store");
        keys("BTab");
        waitFor("fn memory_probe_store(dev, buf)   (kernel/4.19/memory.hlk:43)\nCONFIG_ARCH_MEMORY_PROBE: echo <phys_addr>");
        keys("C-u");
        type("lock_device_hotplug()");
        type("/locks");
        waitFor("1 lock held by main/0:");
        type("unlock_device_hotplug()");
        type("/graph locks.dot");
        waitFor("|  lock graph: ");
        assertTrue(Files.readString(dir.resolve("locks.dot")).startsWith("digraph"));
        type("/save state.hlk");
        waitFor("|  saved ");
        type("/blocks");
        String blocks = after("/blocks");

        // a long exploration: the status line, then Ctrl-C keeps what was found so far
        Path writers = dir.resolve("writers.hlk");
        Process bench = new ProcessBuilder("bash", Path.of("..", "bench", "k-writers").toString(), "4.20-fixed", "7")
                .redirectOutput(writers.toFile()).start();
        assertTrue(bench.waitFor(30, TimeUnit.SECONDS) && bench.exitValue() == 0);
        Files.writeString(writers, Files.readString(writers).replaceAll("(?m)^explore.*$", ""));
        type("/reset");
        type("/open " + writers);
        waitFor("|  created thread writer7");
        type("/explore");
        // PCT runs first, then the complete search: one status line at the bottom, rewritten in place
        String status = waitFor(" executions · ");
        assertTrue(status.matches("(?s).*\nexplore ▕[█░]+▏ [\\d ]+ executions · [\\d ]+/s · depth \\d+ · \\d+ findings? · [0-9.]+ s · no estimate.*"), status);
        assertFalse(status.contains(" runs · "), "the PCT line was rewritten by the search's, not scrolled: " + status);
        assertEquals(status.indexOf(" executions · "), status.lastIndexOf(" executions · "), "one status line: " + status);
        keys("C-c");
        waitFor("INCOMPLETE: the search hit its bound (stopped by the user)");
        waitFor("executions, max depth");
        String stopped = after("/explore");
        assertTrue(stopped.contains("  result: 2 findings (guarded_cycle x2)\n"), "what was found before the stop is reported: " + stopped);
        keys("C-d");

        // the saved session in a fresh REPL: the same state
        kill();
        start(dir, "");
        type("/open state.hlk");
        // f(1) was saved, f was dropped: reported, and the rest is evaluated still, as JShell does
        waitFor("unknown name 'f'");
        type("/blocks");
        waitFor("memory33   online");
        assertEquals(blocks.lines().skip(1).filter(l -> l.contains("memory")).toList(),
                after("/blocks").lines().skip(1).filter(l -> l.contains("memory")).toList());
        type("/vars");
        waitFor("|    int blocks = 1");
        assertEquals(vars.lines().filter(l -> l.startsWith("|    int ") && !l.contains("$7")).sorted().toList(),
                after("/vars").lines().filter(l -> l.startsWith("|    int ")).sorted().toList(), "the same variables, but for f(1)'s");
        keys("C-d");
    }

    @Test
    void aSessionByKeyboardAlone() throws IOException, InterruptedException {
        start(Path.of(System.getProperty("java.io.tmpdir")), "");
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
        run("tmux", "-L", session, "send-keys", "-t", session, "-l", "sysfs.read(\"/sys/devices/system/memory/pro");
        run("tmux", "-L", session, "send-keys", "-t", session, "Tab");
        waitFor("sysfs.read(\"/sys/devices/system/memory/probe");
        run("tmux", "-L", session, "send-keys", "-t", session, "C-u");
        run("tmux", "-L", session, "send-keys", "-t", session, "C-d");
    }
}
