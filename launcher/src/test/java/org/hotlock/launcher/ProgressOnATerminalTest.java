package org.hotlock.launcher;

import org.junit.jupiter.api.BeforeAll;
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
 * The real launcher exploring five writers (a few seconds): on a terminal (a pseudo-terminal
 * {@code script} gives it) its progress is one line rewritten in place and cleared before the
 * report; into a pipe, as in a CI log, there is none.
 */
class ProgressOnATerminalTest {
    @TempDir
    static Path dir;
    static Path scenario;

    @BeforeAll
    static void fiveWriters() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", ExamplesTest.REPO.resolve("bench/k-writers").toString(), "4.20-fixed", "5").start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, text);
        scenario = dir.resolve("k5.hlk");
        Files.writeString(scenario, text);
    }

    private static List<String> hotlock(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "--add-exports",
                "java.base/jdk.internal.vm=ALL-UNNAMED", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", System.getProperty("java.class.path"), "org.hotlock.launcher.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + out);
        return out;
    }

    @Test
    void onATerminalTheProgressIsOneLineRewrittenInPlace() throws IOException, InterruptedException {
        String shell = String.join(" ", hotlock("explore", "--workers", "1", "--pct-first", "1000", scenario.toString()).stream().map(a -> "'" + a + "'").toList());
        String out = run(List.of("script", "-qec", shell, "/dev/null"));
        assertTrue(out.contains(" executions · "), "an exploration's progress: " + out);
        assertTrue(out.contains(" of 1 000 runs · "), "its PCT runs first: " + out);
        assertTrue(out.contains("no estimate"), "an exploration has no estimate, and says so: " + out);
        // in place: each report follows a carriage return, none is ended by a new line
        assertFalse(out.matches("(?s).*(executions|runs) · [^\r]*\n.*"), "a progress report scrolled: " + out);
        String report = out.substring(out.indexOf("explore (optimal DPOR)"));
        assertFalse(report.contains(" · "), "the line is gone before the report: " + report);
    }

    @Test
    void inAPipeThereIsNoProgress() throws IOException, InterruptedException {
        String out = run(hotlock("explore", "--workers", "1", "--pct-first", "1000", scenario.toString()));
        assertTrue(out.contains("explore (optimal DPOR)"), out);
        assertFalse(out.contains(" · ") || out.contains("\u001b") || out.contains("\r"), "a log stays clean: " + out);
        assertEquals(-1, out.indexOf("executions/s"), out);
    }
}
