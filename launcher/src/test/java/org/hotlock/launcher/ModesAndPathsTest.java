package org.hotlock.launcher;

import org.hotlock.sched.TraceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's mode is the one that runs, traces find their scenario, and replay answers as explore did. */
class ModesAndPathsTest {
    @TempDir
    Path dir;

    private static Path example(String name) {
        return ExamplesTest.REPO.resolve("examples/seed").resolve(name).toAbsolutePath().normalize();
    }

    @Test
    void pctRunsTheFilesOwnExploreAsPctAndSaysSo() throws IOException {
        Path file = dir.resolve("s.hlk");
        Files.writeString(file, InconclusiveTest.TWO_LOCKERS + "explore { t1, t2 }\n");
        Cli r = Cli.run("pct", "--runs", "7", file.toString());
        assertTrue(r.out().startsWith("note: " + file + ":13: explore { t1, t2 } runs as pct, as the command line asks"), r.out());
        assertTrue(r.out().contains("pct (depth 3, seed 0): threads t1, t2, 7 of 7 runs"), r.out());
        assertFalse(r.out().contains("explore (optimal DPOR)"), r.out());
        // and explore explores a file's pct { }
        Files.writeString(file, InconclusiveTest.TWO_LOCKERS + "pct { t1, t2 } expect clean\n");
        Cli e = Cli.run("explore", file.toString());
        assertEquals(ExitCodes.SUCCESS, e.exitCode(), e.out() + e.err());
        assertTrue(e.out().contains("pct { t1, t2 } runs as explore, as the command line asks"), e.out());
        assertTrue(e.out().contains("result: clean (every schedule explored)"), e.out());
        // run runs the file as written (check's reproduction command depends on it)
        Cli run = Cli.run("run", file.toString());
        assertFalse(run.out().contains("note:"), run.out());
        assertTrue(run.out().startsWith("pct (depth 3"), run.out());
    }

    @Test
    void aTraceNamesItsScenarioRelativeToItselfAndReplaysFromAnywhere() throws IOException {
        Path traces = Files.createDirectories(dir.resolve("traces"));
        Path trace = traces.resolve("t.json");
        Cli explore = Cli.run("explore", "--trace", trace.toString(), example("lost-update-4.19.hlk").toString());
        assertEquals(ExitCodes.SUCCESS, explore.exitCode(), explore.out() + explore.err());
        String json = Files.readString(trace);
        assertEquals("hotlock-trace-2", TraceFile.format(json));
        assertEquals(example("lost-update-4.19.hlk"), trace.getParent().resolve(TraceFile.scenario(json)).normalize(),
                "the scenario, relative to the trace's directory: " + TraceFile.scenario(json));
        assertEquals(example("lost-update-4.19.hlk").toString(), TraceFile.scenarioAbsolute(json));

        // a trace and its scenario moved together still replay, wherever the command runs
        Path moved = Files.createDirectories(dir.resolve("elsewhere/deeper"));
        Files.copy(example("lost-update-4.19.hlk"), moved.resolve("s.hlk"));
        Files.writeString(moved.resolve("t.json"), json.replace(TraceFile.quote(TraceFile.scenario(json)), "\"s.hlk\"")
                .replace(TraceFile.quote(example("lost-update-4.19.hlk").toString()), "\"/nowhere/s.hlk\""));
        Cli replay = Cli.run("replay", moved.resolve("t.json").toString());
        assertEquals(ExitCodes.SUCCESS, replay.exitCode(), replay.out() + replay.err());
        assertTrue(replay.out().contains("replay: threads probe, admin"), replay.out());

        Files.writeString(moved.resolve("t.json"), json.replace(TraceFile.quote(TraceFile.scenario(json)), "\"gone.hlk\""));
        Files.delete(moved.resolve("s.hlk"));
        Cli absolute = Cli.run("replay", moved.resolve("t.json").toString());
        assertEquals(ExitCodes.SUCCESS, absolute.exitCode(), "a trace moved alone finds the scenario at its absolute path: " + absolute.err());

        Files.writeString(moved.resolve("t.json"), json.replace(TraceFile.quote(TraceFile.scenario(json)), "\"gone.hlk\"")
                .replace(TraceFile.quote(example("lost-update-4.19.hlk").toString()), "\"/nowhere/s.hlk\""));
        Cli missing = Cli.run("replay", moved.resolve("t.json").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("the scenario it replays is not there: " + moved.resolve("gone.hlk") + " (relative to the trace) nor /nowhere/s.hlk"),
                missing.err());
    }

    /**
     * A trace keeps the run's bounds of an execution and its lock graph's options, and replay
     * runs with them: a step bound hit under --max-steps is hit again (the default bound
     * would let the schedule end cleanly: "does not match").
     */
    @Test
    void replayRunsWithTheSettingsOfTheRunThatSavedTheTrace() throws IOException {
        Path file = dir.resolve("bounded.hlk");
        Files.writeString(file, InconclusiveTest.TWO_LOCKERS + "explore { t1, t2 }\n");
        Path trace = dir.resolve("bounded.json");
        Cli explore = Cli.run("explore", "--max-steps", "3", "--no-gate-locks", "--trace", trace.toString(), file.toString());
        assertTrue(explore.out().contains("passed its bound of 3 steps"), explore.out() + explore.err());
        assertTrue(Files.readString(trace).contains("\"gate_locks\": false"), Files.readString(trace));
        Cli replay = Cli.run("replay", trace.toString());
        assertEquals(explore.exitCode(), replay.exitCode(), replay.out() + replay.err());
        assertTrue(replay.out().contains("passed its bound of 3 steps"), replay.out() + replay.err());
    }

    /**
     * A scenario changed since its trace was saved: the same thread schedule still fits it, but
     * a step runs otherwise than the trace has it, so the replay says where instead of passing
     * another execution's outcome off as the trace's.
     */
    @Test
    void aStepThatDoesNotRunAsTheTraceHasItIsAMismatch() throws IOException {
        Path file = dir.resolve("changed.hlk");
        String scenario = """
                kernel "4.20"
                machine box { node 0 { boot 0..1G } }
                struct S { x = 0 }
                const s = new S {}
                const m = mutex("m")
                const other = mutex("other")
                thread t1 { mutex_lock(m); s.x = 1; mutex_unlock(m) }
                thread t2 { mutex_lock(m); assert(s.x == 0, "t2 ran first"); mutex_unlock(m) }
                explore { t1, t2 }
                """;
        Files.writeString(file, scenario);
        Path trace = dir.resolve("changed.json");
        Cli explore = Cli.run("explore", "--trace", trace.toString(), file.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, explore.exitCode(), explore.out() + explore.err());
        Cli same = Cli.run("replay", trace.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, same.exitCode(), same.out() + same.err());
        assertTrue(same.out().contains("assertion failed: t2 ran first"), same.out() + same.err());

        // t1 now takes another mutex: its steps are as many, and t2 still fails on this schedule
        Files.writeString(file, scenario.replace("thread t1 { mutex_lock(m); s.x = 1; mutex_unlock(m) }",
                "thread t1 { mutex_lock(other); s.x = 1; mutex_unlock(other) }"));
        Cli changed = Cli.run("replay", trace.toString());
        assertEquals(ExitCodes.SCRIPT_FAILURE, changed.exitCode(), changed.out() + changed.err());
        assertTrue(changed.err().contains("error: the trace does not match this scenario: step 2 of the trace is t1: ACQUIRE lock m, "
                + "but here it is t1: ACQUIRE lock other (has the scenario or its kernel model changed since the trace was saved?)"),
                changed.out() + changed.err());
        assertFalse(changed.out().contains("assertion failed"), "no outcome is passed off as the trace's: " + changed.out());
    }

    /**
     * A trace of a script's second scenario replays that one: the first runs as it did when
     * the trace was saved (it used to be handed the schedule too, and the replay failed).
     */
    @Test
    void aTraceOfALaterScenarioReplaysThatScenario() throws IOException {
        Path file = dir.resolve("two.hlk");
        Files.writeString(file, """
                kernel "4.20"
                machine box { node 0 { boot 0..1G } }
                const m = mutex("m")
                const n = mutex("n")
                thread a { mutex_lock(m); mutex_unlock(m) }
                thread b { mutex_lock(m); mutex_unlock(m) }
                explore { a, b } expect clean
                thread c { mutex_lock(m); mutex_lock(n); mutex_unlock(n); mutex_unlock(m) }
                thread d { mutex_lock(n); mutex_lock(m); mutex_unlock(m); mutex_unlock(n) }
                explore { c, d } expect deadlock, cycle
                """);
        Path trace = dir.resolve("two.json");
        Cli explore = Cli.run("explore", "--trace", trace.toString(), file.toString());
        assertEquals(ExitCodes.SUCCESS, explore.exitCode(), explore.out() + explore.err());
        assertTrue(Files.readString(trace).contains("\"scenario_index\": 1"), Files.readString(trace));
        Cli replay = Cli.run("replay", trace.toString());
        assertEquals(explore.exitCode(), replay.exitCode(), replay.out() + replay.err());
        assertTrue(replay.out().contains("explore (optimal DPOR): threads a, b"), "the first scenario runs as written: " + replay.out());
        assertTrue(replay.out().contains("replay: threads c, d"), replay.out());
        assertTrue(replay.out().contains("expectation met: cycle, deadlock"), replay.out());
    }

    @Test
    void replayExitsAsExploreDidForTheSameExpectedFailure() throws IOException {
        for (String name : new String[]{"lost-update-4.19.hlk", "deadlock-2015.hlk"}) {
            Path trace = dir.resolve(name + ".json");
            Cli explore = Cli.run("explore", "--trace", trace.toString(), example(name).toString());
            assertEquals(ExitCodes.SUCCESS, explore.exitCode(), explore.out() + explore.err());
            assertTrue(Files.exists(trace), name + " saved the failure it expects");
            Cli replay = Cli.run("replay", trace.toString());
            assertEquals(explore.exitCode(), replay.exitCode(), name + ": " + replay.out() + replay.err());
            assertTrue(replay.out().contains("expectation met: "), replay.out());
        }
        // the deadlock's replayed schedule reports its cycle too: each thread's attempt at the
        // lock the other holds records its dependency before it waits, as lockdep does
        Cli deadlock = Cli.run("replay", dir.resolve("deadlock-2015.hlk.json").toString());
        assertTrue(deadlock.out().contains("expectation met: violation(R1), cycle, deadlock\n"), deadlock.out());
    }

    @Test
    void aTraceIsReadAsJsonWhateverToolWroteItAndATruncatedOneIsRefused() throws IOException {
        Path trace = dir.resolve("t.json");
        Cli explore = Cli.run("explore", "--trace", trace.toString(), example("lost-update-4.19.hlk").toString());
        assertEquals(ExitCodes.SUCCESS, explore.exitCode(), explore.out() + explore.err());
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.read(Files.readString(trace));
        assertEquals(TraceFile.FORMAT, json.get("format").asText());
        assertTrue(json.get("steps").get(0).has("what"), "each step an object: thread, kind, what");

        // the same trace, its keys reordered and written on one line by another JSON tool, replays the same
        com.fasterxml.jackson.databind.node.ObjectNode reordered = Json.MAPPER.createObjectNode();
        reordered.set("steps", json.get("steps"));
        reordered.set("schedule", json.get("schedule"));
        json.fieldNames().forEachRemaining(k -> reordered.putIfAbsent(k, json.get(k)));
        Path compact = dir.resolve("compact.json");
        Files.writeString(compact, Json.MAPPER.writeValueAsString(reordered));
        Cli replay = Cli.run("replay", compact.toString());
        assertEquals(Cli.run("replay", trace.toString()).out(), replay.out());
        assertEquals(ExitCodes.SUCCESS, replay.exitCode(), replay.out() + replay.err());

        // a trace cut short is not a trace: refused, not half read
        String text = Files.readString(trace);
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, text.substring(0, text.indexOf("\"steps\"")));
        Cli refused = Cli.run("replay", cut.toString());
        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("not a HotLock trace: not valid JSON"), refused.err());
    }
}
