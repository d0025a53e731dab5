package org.hotlock.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GraalVM's tools through the launcher, as GraalVM's launchers take their options. */
class ToolsTest {
    private static final Path SEED = ExamplesTest.REPO.resolve("examples/seed/lost-update-4.20.hlk");

    @Test
    void theCpuSamplerNamesKernelModelFunctions() {
        Cli r = Cli.run("--cpusampler", "--cpusampler.Period=1", "explore", "--no-trace", SEED.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertTrue(r.out().contains("Sampling Histogram"), r.out());
        // a histogram row: function name, times, and its location in the kernel model
        Matcher row = Pattern.compile("(?m)^ (\\w+)\\s+\\|\\|.*\\|\\| kernel/(4\\.20|common)/\\w+\\.hlk~").matcher(r.out());
        assertTrue(row.find(), "no kernel-model function in the histogram:\n" + r.out());
        assertFalse(row.group(1).equals("main"), "a function, not a file's top level: " + row.group());
    }

    @Test
    void aFileGivenAloneRunsWithTheToolsOptions() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Cli r = Cli.run("--inspect=" + port, "--inspect.Suspend=false", ExamplesTest.REPO.resolve("examples/kernel/block-lifecycle.hlk").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertTrue(r.err().contains("Debugger listening on ws://127.0.0.1:" + port + "/"), r.err());
        assertTrue(r.err().contains("devtools://devtools/bundled/js_app.html?ws=127.0.0.1:" + port + "/"), r.err());
        assertTrue(r.out().contains("removed: memory32 gone"), "the scenario ran: " + r.out());
    }

    @Test
    void helpToolsListsTheServedToolsAndSaysWhichAreNot() {
        Cli r = Cli.run("--help:tools");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        for (String option : new String[]{"--cpusampler.Output=", "--cputracer ", "--memtracer ", "--inspect=", "--inspect.Suspend="}) {
            assertTrue(r.out().contains(option), option + " missing:\n" + r.out());
        }
        assertTrue(r.out().contains("Not in this build:\n  --dap: the Debug Adapter Protocol tool"), r.out());
        assertTrue(r.out().contains("\n  GraalVM's --coverage: ") && r.out().contains("HotLock kernel-model coverage (--kernelcoverage):"), r.out());
    }

    @Test
    void aToolThisBuildDoesNotServeIsRefusedSayingWhy() {
        Cli r = Cli.run("--dap", "run", SEED.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("hotlock: --dap: the Debug Adapter Protocol tool (org.graalvm.tools:dap-tool) is not served"), r.err());
        assertEquals("", r.out(), "nothing ran");
    }

    @Test
    void aBadToolValueOrAnExperimentalOptionIsAUsageError() {
        Cli bad = Cli.run("--cpusampler.Period=soon", "run", SEED.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().startsWith("hotlock: --cpusampler.Period=soon: "), bad.err());
        Cli experimental = Cli.run("--memtracer", "run", SEED.toString());
        assertEquals(ExitCodes.USAGE, experimental.exitCode());
        assertEquals("hotlock: --memtracer is an experimental option: add --experimental-options to use it\n", experimental.err());
        Cli unknown = Cli.run("run", "--cpusampler.Nonsense=1", SEED.toString());
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option: '--cpusampler.Nonsense=1'"), unknown.err());
    }

    @Test
    void engineOptionsPassThroughAndVersionGraalvmNamesTheTools() {
        Cli help = Cli.run("--help:engine");
        assertTrue(help.out().contains("--engine.WarnInterpreterOnly="), help.out());
        Cli version = Cli.run("--version:graalvm");
        assertEquals(ExitCodes.SUCCESS, version.exitCode());
        assertTrue(version.out().matches("(?s)GraalVM Truffle and polyglot API 25\\.\\d+\\.\\d+, tools 25\\.\\d+\\.\\d+, .*  cpusampler: CPU Sampler .*  inspect: Chrome Inspector .*"),
                version.out());
        Cli run = Cli.run("--engine.WarnInterpreterOnly=false", "-e", "1 + 1");
        assertEquals("2\n", run.out(), run.err());
    }
}
