package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script whose data keeps growing stops with a located error before the JVM runs out of
 * memory (spec/limits.md): run in a JVM of its own with a small heap, as bin/hotlock runs one.
 */
class HeapLimitTest {

    @Test
    void aGrowingListStopsWithALocatedErrorNotAnOutOfMemoryError(@TempDir Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("growing.hlk");
        Files.writeString(script, """
                var a = []
                while (true) { append(a, "a line of text that the script keeps, one more each time " + len(a)) }
                """);
        Process p = new ProcessBuilder(List.of(EmbeddingExamplesTest.JAVA_HOME + "/bin/java", "-Xmx128m",
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-cp", EmbeddingExamplesTest.CLASSPATH, Main.class.getName(), "run", script.toString()))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the script was stopped");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.SCRIPT_FAILURE, p.exitValue(), out);
        assertTrue(out.contains(script + ":2:1: error: the script's data takes"), out);
        assertTrue(out.contains("stopped here before the JVM runs out of memory"), out);
        assertFalse(out.contains("OutOfMemoryError") || out.contains("\tat "), "no Java error: " + out);
    }
}
