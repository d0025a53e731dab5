package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line contract: outputs and exit codes a CI job can rely on. */
class LauncherTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void runPrintsAndSucceeds() throws IOException {
        Cli r = Cli.run("run", script("ok.hlk", "print(\"pages\", 128M >> 12)\n").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertEquals("pages 32768\n", r.out());
    }

    @Test
    void evalPrintsTheLastValue() {
        Cli r = Cli.run("-e", "var x = 4G", "-e", "x >> 30");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertEquals("4294967296\n4\n", r.out(), "each -e prints its value; later snippets see earlier ones");
        assertEquals("", Cli.run("-e", "null").out(), "null prints nothing");
    }

    @Test
    void guestErrorIsExitOneWithLocationCaretAndStack() throws IOException {
        Path p = script("bad.hlk", "fn f(z) {\n  return z.present_pages\n}\nf(null)\n");
        Cli r = Cli.run("run", p.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode());
        assertTrue(r.err().startsWith(p + ":2:10: error: cannot read field 'present_pages' of null\n"), r.err());
        assertTrue(r.err().contains("  return z.present_pages\n"), r.err());
        assertTrue(r.err().contains("\n" + " ".repeat(13) + "^" + "~".repeat("z.present_pages".length() - 1) + "\n"), r.err());
        assertTrue(r.err().contains("f (" + p + ":2)"), r.err());
        assertNoJavaTrace(r.err());
    }

    @Test
    void syntaxErrorIsExitTwoWithoutJavaTrace() throws IOException {
        Path p = script("syntax.hlk", "var x = (1 +\nvar y = 2\n");
        Cli r = Cli.run("run", p.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith(p + ":2:1: error: expected an expression, found keyword 'var'"), r.err());
        assertNoJavaTrace(r.err());
    }

    @Test
    void missingFileAndBadUsageAreExitTwo() {
        Cli missing = Cli.run("run", dir.resolve("nope.hlk").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("nope.hlk: no such file"), missing.err());
        Cli unknown = Cli.run("--frobnicate");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
        assertEquals(ExitCodes.USAGE, Cli.run("run").exitCode(), "run needs a file");
    }

    @Test
    void worstExitCodeOfSeveralFilesWins() throws IOException {
        Path ok = script("a.hlk", "print(1)\n");
        Path bad = script("b.hlk", "print(1 / 0)\n");
        Cli r = Cli.run("run", ok.toString(), bad.toString(), ok.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode());
        assertEquals("1\n1\n", r.out(), "the files after a failing one still run");
    }

    @Test
    void versionAndHelp() {
        Cli v = Cli.run("--version");
        assertEquals(ExitCodes.SUCCESS, v.exitCode());
        assertTrue(v.out().startsWith("hotlock "), v.out());
        assertTrue(v.out().contains("Truffle 25.0.4"), v.out());
        Cli h = Cli.run("--help");
        assertEquals(ExitCodes.SUCCESS, h.exitCode());
        assertTrue(h.out().contains("Usage: hotlock"), h.out());
        assertTrue(h.out().contains("run"), h.out());
        assertTrue(h.out().contains("2:usage or syntax error") || h.out().contains("usage or syntax error"), h.out());
    }

    @Test
    void pipedInputRunsAsAScript() {
        Cli r = Cli.runWithInput("var x = 2\nprint(x * 21)\n");
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.err());
        assertEquals("42\n", r.out());
    }

    static void assertNoJavaTrace(String text) {
        assertFalse(text.contains("\tat "), text);
        assertFalse(text.contains("Exception"), text);
        assertFalse(text.contains("org.hotlock"), text);
    }

    @Test
    void endlessRecursionIsALocatedStackOverflowWithTheGuestStack() throws IOException {
        Path p = script("deep.hlk", "fn down(n) {\n  return down(n + 1)\n}\ndown(0)\n");
        Cli r = Cli.run("run", "--max-call-depth", "300", p.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode());
        assertTrue(r.err().contains("error: stack overflow: guest calls nested deeper than 300 (endless recursion?); raise the limit with --max-call-depth N"), r.err());
        assertTrue(r.err().contains("    down (" + p + ":2)"), r.err());
        assertTrue(r.err().contains("more frames"), r.err());
        assertNoJavaTrace(r.err());
    }

    @Test
    void anEndlessLoopStopsAtTheStatementLimitWhichTheMessageNames() throws IOException {
        Path p = script("loop.hlk", "var i = 0\nwhile (true) { i += 1 }\n");
        Cli r = Cli.run("run", "--statement-limit", "100000", p.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode());
        assertTrue(r.err().contains(p + ":2:1: error: the script ran more than 100000 loop iterations and calls, its statement limit: an endless loop? Raise the limit with --statement-limit N (0: none)"), r.err());
        assertNoJavaTrace(r.err());
    }

    private static final String SPINNERS = """
            kernel "4.20"
            machine box { node 0 { boot 0..1G } }
            struct cell { v = 0 }
            var c = new cell {}
            shared cell.v
            fn spin(n) { var k = 0; while (k < n) { k += 1 } }
            thread a { spin(30000); c.v = 1 }
            thread b { spin(30000); c.v = 2 }
            explore { a, b } expect race(cell.v)
            """;

    @Test
    void theStatementLimitCountsEachExecutionOfAScenarioOnItsOwn() throws IOException {
        // each execution makes 60 000 loop iterations and calls, the 102 of them together 6 million
        Path p = script("spinners.hlk", SPINNERS);
        Cli r = Cli.run("explore", "--statement-limit", "100000", "--no-trace", p.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("2 executions (after 100 PCT runs that found no failure)"), r.out());
        Cli over = Cli.run("explore", "--statement-limit", "50000", "--no-trace", p.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, over.exitCode(), over.out() + over.err());
        assertTrue(over.out().contains(":6:25: error: an execution of the scenario ran more than 50000 loop iterations and calls, its statement limit"), over.out());
    }

    @Test
    void anEndlessLoopInAThreadFailsThatExecutionWithItsSchedule() throws IOException {
        Path p = script("endless.hlk", SPINNERS.replace("spin(30000); c.v = 2", "while (true) { }").replace(" expect race(cell.v)", ""));
        Cli r = Cli.run("explore", "--statement-limit", "100000", "--no-trace", p.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("result: FAILED in execution 1: " + p + ":8:12: error: an execution of the scenario ran more than 100000 loop iterations and calls"), r.out());
        assertTrue(r.out().contains("b failed at:\n    b (" + p + ":8)"), r.out());
        assertNoJavaTrace(r.err());
    }

    @Test
    void aLongSearchOnTheInterpreterSaysTheJitWouldBeFaster() throws IOException {
        Path p = script("spinners2.hlk", SPINNERS);
        long saved = ScenarioCommand.longSearchNanos;
        try {
            Cli quick = Cli.run("explore", "--no-trace", p.toString());
            assertFalse(quick.err().contains("note:"), quick.err());
            ScenarioCommand.longSearchNanos = 0;
            Cli r = Cli.run("explore", "--no-trace", p.toString());
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.err().matches("(?s).*hotlock: note: this search took \\d+ s on the interpreter; long searches run up to about 1.4x faster with the JIT: bin/hotlock --jit explore \\.\\.\\..*"), r.err());
            Cli run = Cli.run("run", "--no-trace", p.toString());
            assertFalse(run.err().contains("note:"), "run is one execution: " + run.err());
        } finally {
            ScenarioCommand.longSearchNanos = saved;
        }
    }

    @Test
    void theTimeLimitStopsAnExecutionStuckInAGuestLoop() throws IOException {
        // the loop has no scheduling point: only the guest's own count can look at the clock
        Path p = script("stuck.hlk", SPINNERS.replace("spin(30000); c.v = 2", "while (true) { }").replace(" expect race(cell.v)", ""));
        Cli r = Cli.run("explore", "--time-limit", "1", "--statement-limit", "0", "--pct-first", "0", "--no-trace", p.toString());
        assertTrue(r.out().contains("INCOMPLETE"), r.out() + r.err());
        assertTrue(r.out().contains("time limit"), r.out());
        assertFalse(r.out().contains("FAILED"), "the time limit is no failure of the kernel: " + r.out());
        // nothing found in a search cut short is not "clean"
        assertTrue(r.out().contains("result: nothing found in the schedules explored (the search stopped early: no proof of absence)"), r.out());
        assertFalse(r.out().contains("result: clean"), r.out());
        assertNoJavaTrace(r.err());
    }

    @Test
    void pctThatFindsNothingSaysItSampledAndDoesNotSayClean() throws IOException {
        Path p = script("pct-clean.hlk", "kernel \"4.20\"\nmachine box { node 0 { boot 0..1G } }\n"
                + "thread a { var k = 1 }\nthread b { var k = 2 }\npct { a, b }\n");
        Cli r = Cli.run("pct", "--runs", "5", "--no-trace", p.toString());
        assertTrue(r.out().contains("result: nothing found in 5 PCT runs (a sample of the schedules: no proof of absence)"), r.out());
        assertFalse(r.out().contains("result: clean"), r.out());
        Path one = script("run-clean.hlk", Files.readString(p).replace("pct { a, b }", "run { a, b }"));
        Cli run = Cli.run("run", "--no-trace", one.toString());
        assertTrue(run.out().contains("result: clean"), "the one schedule run is clean: " + run.out());
    }

    @Test
    void aScriptThatIsTooLargeOrNotUtf8IsRefusedWithItsNameAndWhy() throws IOException {
        Cli zero = Cli.run("run", "/dev/zero");
        assertEquals(ExitCodes.USAGE, zero.exitCode());
        assertTrue(zero.err().contains("hotlock: error: /dev/zero is larger than 16 MiB, the most HotLock reads as a script"), zero.err());
        Cli piped = Cli.runWithInput("print(1)\n".repeat(2_000_000));
        assertEquals(ExitCodes.USAGE, piped.exitCode());
        assertTrue(piped.err().contains("standard input is larger than 16 MiB"), piped.err());
        Path bad = dir.resolve("latin1-source.hlk");
        Files.write(bad, new byte[]{'p', 'r', 'i', 'n', 't', '(', '1', ')', '\n', (byte) 0xff, '\n'});
        Cli r = Cli.run("run", bad.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains(bad + ":2: not UTF-8 text (byte 9: 0xff)"), r.err());
        // check says the same for that file and goes on; it is no internal error
        Path checked = Files.createDirectory(dir.resolve("bad-check"));
        Files.copy(bad, checked.resolve("latin1.hlk"));
        Files.writeString(checked.resolve("huge-exit.hlk"), "// expect-exit: 99999999999\nprint(1)\n");
        Cli check = Cli.run("check", "--jobs", "1", checked.toString());
        assertEquals(ExitCodes.USAGE, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("not UTF-8 text (byte 9: 0xff)"), check.out());
        assertTrue(check.out().contains("// expect-exit: 99999999999 is not an exit code (0 to 255)"), check.out());
        assertTrue(check.out().contains("huge-exit.hlk  (") && check.out().contains("its // expect-exit header is not an exit code (0 to 255); the run exited 0"),
                check.out());
        assertTrue(!check.out().contains("expected -1"), "no made-up exit code is shown: " + check.out());
        assertTrue(check.out().contains("0 passed, 2 failed"), check.out());
        assertNoJavaTrace(check.err());
    }

    @Test
    void aPctDepthAboveTheStepsRunsAsTheStepsAllow() throws IOException {
        Path p = script("pct-depth.hlk", SPINNERS);
        Cli huge = Cli.run("pct", "--depth", "2000000000", "--runs", "5", "--no-trace", p.toString());
        Cli steps = Cli.run("pct", "--depth", "6", "--runs", "5", "--no-trace", p.toString());
        assertNoJavaTrace(huge.err());
        assertFalse(huge.err().contains("heap"), huge.err());
        // an execution has 4 steps (2 starts, 2 writes): depth 6 is past k + 1 already
        assertEquals(steps.exitCode(), huge.exitCode(), huge.out() + huge.err());
        assertEquals(steps.out().replaceAll("depth \\d+", "depth D").replaceAll("\\d+\\.\\d+ s", "T s"),
                huge.out().replaceAll("depth \\d+", "depth D").replaceAll("\\d+\\.\\d+ s", "T s"));
    }

    @Test
    void aFileThatRunsPastItsTimeoutIsStoppedWithAMessageThatNamesTheBound() throws IOException {
        // no statement limit: only the wall-clock bound can stop it
        Path p = script("forever.hlk", "var i = 0\nwhile (true) { i += 1 }\n");
        Cli r = Cli.run("run", "--timeout", "1", "--statement-limit", "0", p.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("hotlock: error: " + p + " ran longer than its time bound of 1 s and was stopped (stuck? raise it with --timeout SECONDS; 0: none)"), r.err());
        assertFalse(r.err().contains("cancelled"), r.err());
        Cli check = Cli.run("check", "--jobs", "1", "--timeout", "1", "--statement-limit", "0", p.getParent().toString());
        assertTrue(check.out().contains("ran longer than its time bound of 1 s"), check.out());
        assertTrue(check.out().contains("0 passed, "), check.out());
        assertEquals(ScenarioOptions.RUN_TIMEOUT, new ScenarioOptions().timeoutFor("run"), "run and check have a bound by default");
        assertEquals(0, new ScenarioOptions().timeoutFor("explore"), "a search has --time-limit instead");
    }
}
