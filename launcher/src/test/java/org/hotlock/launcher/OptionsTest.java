package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad options are refused before anything runs, with exit 2 and a message that says what would do. */
class OptionsTest {
    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        Path p = dir.resolve("s.hlk");
        Files.writeString(p, "print(1)\n");
        return p;
    }

    @Test
    void anUnknownStrategyIsRefusedWithTheValidOnes() throws IOException {
        Cli r = Cli.run("run", "--strategy=bogus", scenario().toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("hotlock: Invalid value for option '--strategy': 'bogus' is not a strategy; valid values: random, round-robin\n"), r.err());
        assertEquals("", r.out(), "nothing ran");
        assertEquals(ExitCodes.SUCCESS, Cli.run("run", "--strategy", "round-robin", scenario().toString()).exitCode());
    }

    @Test
    void countsBelowOneAreRefused() throws IOException {
        for (String[] option : new String[][]{{"check", "--jobs", "-3"}, {"check", "--jobs", "0"}, {"pct", "--runs", "0"}, {"pct", "--depth", "0"}}) {
            Cli r = Cli.run(option[0], option[1], option[2], scenario().toString());
            assertEquals(ExitCodes.USAGE, r.exitCode(), String.join(" ", option) + ": " + r.err());
            assertTrue(r.err().contains("Invalid value for option '" + option[1] + "': '" + option[2] + "': it must be at least 1"), r.err());
        }
    }

    @Test
    void theLockGraphIsDotInAFileNamedForDotAndAPictureOtherwise() throws IOException {
        Cli seq = Cli.run("check", "--sequence", dir.resolve("s.png").toString(), scenario().toString());
        assertEquals(ExitCodes.USAGE, seq.exitCode());
        assertTrue(seq.err().contains("the sequence picture is written as SVG, to a file named FILE.svg"), seq.err());
        Path gv = dir.resolve("g.gv");
        Cli ok = Cli.run("check", "--graph", gv.toString(), scenario().toString());
        assertEquals(ExitCodes.SUCCESS, ok.exitCode(), ok.out() + ok.err());
        assertTrue(Files.readString(gv).startsWith("digraph hotlock_lock_order {"));
        Path svg = dir.resolve("g.svg");
        Cli picture = Cli.run("check", "--graph", svg.toString(), scenario().toString());
        assertEquals(ExitCodes.SUCCESS, picture.exitCode(), picture.out() + picture.err());
        assertTrue(Files.readString(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), "an SVG, drawn in the JVM");
    }

    @Test
    void aReportIsNeverWrittenIntoDirectoriesCreatedOutsideTheWorkingDirectory() throws IOException {
        Path outside = dir.resolve("no/such/dir/j.xml");
        Cli r = Cli.run("check", "--junit", outside.toString(), scenario().toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("hotlock: --junit " + outside + ": no directory " + outside.getParent()
                + " (check creates a report's missing directory only inside the working directory"), r.err());
        assertEquals("", r.out(), "refused before any scenario ran");
        assertFalse(Files.exists(dir.resolve("no")), "nothing created");
        // inside the working directory (the tests run in launcher/), CI's build/reports/... is made
        Path inside = Path.of("target", "options-test-" + ProcessHandle.current().pid(), "reports", "j.xml");
        Cli ok = Cli.run("check", "--junit", inside.toString(), scenario().toString());
        assertEquals(ExitCodes.SUCCESS, ok.exitCode(), ok.out() + ok.err());
        assertTrue(Files.readString(inside).contains("<testsuites"));
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() throws IOException {
        Cli command = Cli.run("explor", scenario().toString());
        assertEquals(ExitCodes.USAGE, command.exitCode());
        assertTrue(command.err().contains("Did you mean: hotlock explore"), command.err());
        Cli option = Cli.run("run", "--max-step", "3", scenario().toString());
        assertEquals(ExitCodes.USAGE, option.exitCode());
        assertTrue(option.err().contains("Possible solutions: --max-steps"), option.err());
    }

    @Test
    void runHasNoPctOptions() throws IOException {
        Cli help = Cli.run("run", "--help");
        assertEquals(ExitCodes.SUCCESS, help.exitCode());
        for (String pctOnly : new String[]{"--runs", "--depth", "--pct-first"}) {
            assertFalse(help.out().contains(pctOnly), pctOnly + " in run --help: " + help.out());
            assertTrue(Cli.run("pct", "--help").out().contains(pctOnly.equals("--pct-first") ? "--depth" : pctOnly));
        }
        assertTrue(help.out().contains("--strategy=NAME"), help.out());
        assertTrue(Cli.run("explore", "--help").out().contains("--pct-first"));
        Cli runs = Cli.run("run", "--runs", "3", scenario().toString());
        assertEquals(ExitCodes.USAGE, runs.exitCode());
        assertTrue(runs.err().contains("--runs is not an option of hotlock run, which runs one schedule"), runs.err());
    }

    @Test
    void noGateLocksShowsTheLockOrderAsLockdepWouldReportIt() {
        String seed = ExamplesTest.REPO.resolve("examples/seed/d-inversion-4.20.hlk").toString();
        Cli gated = Cli.run("explore", seed);
        assertEquals(ExitCodes.SUCCESS, gated.exitCode(), gated.out() + gated.err());
        assertTrue((gated.out() + gated.err()).contains("[guarded_cycle] lock-order cycle guarded by device_hotplug_lock"), gated.out() + gated.err());
        Cli lockdep = Cli.run("explore", "--no-gate-locks", "--workers", "2", seed);
        assertEquals(ExitCodes.SCRIPT_FAILURE, lockdep.exitCode(), "the scenario expects a guarded cycle: " + lockdep.out());
        String both = lockdep.out() + lockdep.err();
        assertTrue(both.contains("[cycle] possible circular locking dependency: mem_hotplug_lock --> &dev->mutex --> mem_hotplug_lock"), both);
        assertTrue(both.contains("+ unexpected: cycle"), both);
        assertFalse(both.contains("guarded_cycle]") || both.contains("GUARDED"), both);
    }
}
