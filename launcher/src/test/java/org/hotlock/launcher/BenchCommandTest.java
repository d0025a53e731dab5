package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hotlock bench}: the line it prints, and how long it warms up past {@code --warmup}. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private Path workload() throws IOException {
        Path p = dir.resolve("tiny.hlk");
        Files.writeString(p, """
                kernel "4.20"
                machine box {
                  platform acpi
                  block_size 128M
                  node 0 { boot 0..1G }
                }
                thread t { yield() }
                var workload = [t]
                """);
        return p;
    }

    private static String[] fields(Cli r) {
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        String[] f = r.out().strip().split("\t");
        assertEquals(6, f.length, r.out());
        return f;
    }

    @Test
    void aFixedWarmUpIsTheOneAskedFor() throws IOException {
        String[] f = fields(Cli.run("bench", "--warmup", "100", "--max-warmup", "0", "--measure", "100", workload().toString()));
        assertEquals("tiny.hlk", f[0]);
        assertTrue(Double.parseDouble(f[2]) > 0, "executions/s: " + f[2]);
        assertEquals("0", f[5], "seconds warmed up");
    }

    @Test
    void theWarmUpGoesOnInWindowsUpToItsBound() throws IOException {
        // 100 ms, then 2 s windows while one more fits under 4.2 s: two, whatever their speed
        String[] f = fields(Cli.run("bench", "--warmup", "100", "--max-warmup", "4200", "--measure", "100", workload().toString()));
        assertEquals("4", f[5], "seconds warmed up");
    }

    /** A file without a workload (a scenario file, say) is told so, not an error in bench's own snippet. */
    @Test
    void aFileWithoutAWorkloadIsToldWhatBenchMeasures() throws IOException {
        Path p = dir.resolve("no-workload.hlk");
        Files.writeString(p, Files.readString(workload()).replace("var workload = [t]", ""));
        Cli r = Cli.run("bench", "--warmup", "100", "--max-warmup", "0", "--measure", "100", p.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertEquals("hotlock: error: " + p + " names no workload: bench measures the threads a file lists in 'var workload = [t1, t2]' "
                + "(as bench/*.hlk do)\n", r.err());
        Files.writeString(p, Files.readString(workload()).replace("var workload = [t]", "var workload = 5"));
        Cli wrong = Cli.run("bench", "--warmup", "100", "--max-warmup", "0", "--measure", "100", p.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, wrong.exitCode(), wrong.out() + wrong.err());
        assertTrue(wrong.err().contains("<bench>:1:1: error: bench_scenario cannot take (int, int)"), wrong.err());
        LauncherTest.assertNoJavaTrace(wrong.err());
    }
}
