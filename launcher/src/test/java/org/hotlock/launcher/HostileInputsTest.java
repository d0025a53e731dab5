package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, items 6-8: traces, report paths and long lines a hostile user gives the launcher. */
class HostileInputsTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = """
            kernel "4.19"
            machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread admin { sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online") }
            """;

    private Path trace(String scenario, String schedule) throws IOException {
        Path t = dir.resolve("t.json");
        Files.writeString(t, "{\"format\": \"hotlock-trace-2\", \"scenario\": " + scenario + ", \"schedule\": " + schedule + "}");
        return t;
    }

    private Path scenario(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void assertRefused(Cli r, String message) {
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("at org.") || r.err().contains("Exception"), "no Java trace: " + r.err());
    }

    @Test
    void anEmptyScheduleIsRefusedNotExplored() throws IOException {
        scenario("s.hlk", SCENARIO);
        Cli r = Cli.run("replay", trace("\"s.hlk\"", "[]").toString());
        assertRefused(r, "not a HotLock trace: its schedule is empty");
        assertFalse(r.out().contains("explore"), r.out());
    }

    /** Which scenario a trace is of, the search it ran as, and its steps are checked as its schedule is. */
    @Test
    void aTracesScenarioIndexSearchModeAndStepsAreChecked() throws IOException {
        scenario("s.hlk", SCENARIO);
        Path t = dir.resolve("t.json");
        String head = "{\"format\": \"hotlock-trace-2\", \"scenario\": \"s.hlk\", \"schedule\": [\"probe\"]";
        Files.writeString(t, head + ", \"scenario_index\": -1}");
        assertRefused(Cli.run("replay", t.toString()), "not a HotLock trace: its scenario_index is -1, not a whole number from 0");
        Files.writeString(t, head + ", \"scenario_index\": 1.5}");
        assertRefused(Cli.run("replay", t.toString()), "its scenario_index is 1.5, not a whole number from 0");
        Files.writeString(t, head + ", \"search_mode\": \"run\"}");
        assertRefused(Cli.run("replay", t.toString()), "its search_mode is \"run\", not explore, pct or empty");
        Files.writeString(t, head + ", \"steps\": []}");
        assertRefused(Cli.run("replay", t.toString()), "its steps are not a list of 1, one for each step of its schedule");
        Files.writeString(t, head + ", \"steps\": [{\"thread\": \"probe\", \"kind\": 3}]}");
        assertRefused(Cli.run("replay", t.toString()), "not a thread, a kind and what it did");
    }

    @Test
    void aScheduleOfNoThreadNamesIsRefused() throws IOException {
        scenario("s.hlk", SCENARIO);
        assertRefused(Cli.run("replay", trace("\"s.hlk\"", "\"probe\"").toString()), "its schedule is \"probe\", not a list of thread names");
        assertRefused(Cli.run("replay", trace("\"s.hlk\"", "[\"\"]").toString()), "its schedule holds \"\", not a thread name");
        assertRefused(Cli.run("replay", trace("\"s.hlk\"", "[\"probe,admin\"]").toString()), "not a thread name");
    }

    @Test
    void aScriptWithoutThreadsDoesNotMatch() throws IOException {
        scenario("plain.hlk", "print(1)\n");
        Cli r = Cli.run("replay", trace("\"plain.hlk\"", "[\"probe\", \"admin\"]").toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("the trace does not match"), r.err());
    }

    @Test
    void aScenarioThatIsNoFileNameOrNoRegularFileIsRefused() throws IOException {
        assertRefused(Cli.run("replay", trace("\"\\u0000\"", "[\"a\"]").toString()), "its scenario \"\\u0000\" is not a file name");
        assertRefused(Cli.run("replay", trace("\"/dev/zero\"", "[\"a\"]").toString()), "/dev/zero, is not a regular file");
        Cli huge = Cli.run("replay", trace("\"" + "a".repeat(5_000_000) + "\"", "[\"a\"]").toString());
        assertRefused(huge, "more characters)");
        assertTrue(huge.err().length() < 1_000, "the 5 MB name is not echoed whole");
    }

    @Test
    void aReportDirectoryThatTakesNoFilesIsRefusedBeforeTheRun() throws IOException {
        Path ok = scenario("ok.hlk", "print(1)\n");
        Cli r = Cli.run("check", "--json", "/proc/report.json", ok.toString());
        assertRefused(r, "--json /proc/report.json: cannot write in /proc");
        assertFalse(r.out().contains("PASS"), "refused before any scenario ran: " + r.out());
    }

    /** Found by CommandLineFuzzTest: --graph "" drew into the working directory; the other reports said "is a directory". */
    @Test
    void anEmptyReportPathIsRefusedBeforeTheRun() throws IOException {
        Path ok = scenario("ok.hlk", "print(1)\n");
        assertRefused(Cli.run("check", "--graph", "", ok.toString()), "--graph : an empty path (an unset variable?); name a directory");
        assertRefused(Cli.run("check", "--json", "", ok.toString()), "--json : an empty path (an unset variable?); name the report's file");
    }

    @Test
    void aLongLineIsCutAroundTheError() throws IOException {
        Path f = scenario("long.hlk", "x = \"" + "a".repeat(10_000) + "\" + nope\n");
        Cli r = Cli.run("run", f.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("unknown name 'nope'"), r.err());
        assertTrue(r.err().length() < 1_000, "the line is cut: " + r.err().length() + " characters");
        assertTrue(r.err().contains("    ...aaaa"), r.err());
    }
}
