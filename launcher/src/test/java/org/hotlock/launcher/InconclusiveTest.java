package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An incomplete search (a bound, a limit, PCT) can confirm a finding, never an absence:
 * {@code check} says "inconclusive", with its own exit code, JUnit status and JSON status.
 */
class InconclusiveTest {
    /** Two threads under one lock: clean, in two traces, so one execution leaves the search incomplete. */
    static final String TWO_LOCKERS = """
            kernel "4.20"
            machine box {
              platform acpi
              block_size 128M
              node 0 { boot 0..1G }
            }
            const a = mutex("lock_a")
            struct counter { n = 0 }
            shared counter.n
            var cnt = new counter()
            thread t1 { mutex_lock(a); cnt.n += 1; mutex_unlock(a) }
            thread t2 { mutex_lock(a); cnt.n += 1; mutex_unlock(a) }
            """;
    /** Cuts an exploration short after its first execution. */
    static final String[] ONE_EXECUTION = {"--max-executions", "1", "--pct-first", "0"};

    @TempDir
    Path dir;

    private Path scenario(String name, String text) throws IOException {
        Path p = dir.resolve("scenarios").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String[] args(String command, String[] options, String... rest) {
        String[] all = new String[1 + options.length + rest.length];
        all[0] = command;
        System.arraycopy(options, 0, all, 1, options.length);
        System.arraycopy(rest, 0, all, 1 + options.length, rest.length);
        return all;
    }

    @Test
    void checkNeverPassesAnExpectCleanThatAnIncompleteSearchCannotShow() throws Exception {
        Path file = scenario("clean.hlk", TWO_LOCKERS + "explore { t1, t2 } expect clean\n");
        Path junit = dir.resolve("junit.xml");
        Path json = dir.resolve("report.json");
        Cli r = Cli.run(args("check", ONE_EXECUTION, "--junit", junit.toString(), "--json", json.toString(), file.toString()));
        assertEquals(ExitCodes.INCONCLUSIVE, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("INCONCLUSIVE  " + file), r.out());
        assertFalse(r.out().contains("PASS  " + file), r.out());
        assertTrue(r.out().contains("expectation inconclusive: explore stopped INCOMPLETE (1 executions, --max-executions)"), r.out());
        assertTrue(r.out().contains("not confirmed: clean"), r.out());
        assertTrue(r.out().strip().endsWith("0 passed, 0 failed, 1 inconclusive"), r.out());

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"), "the scenario is skipped, not passed");
        NodeList skipped = doc.getElementsByTagName("skipped");
        assertEquals(1, skipped.getLength());
        assertTrue(((Element) skipped.item(0)).getAttribute("message").startsWith("inconclusive: expectation inconclusive: explore stopped INCOMPLETE"),
                ((Element) skipped.item(0)).getAttribute("message"));

        try (Context c = Context.create("js")) {
            Value report = c.eval("js", "(" + Files.readString(json) + ")");
            assertEquals(1, report.getMember("inconclusive").asInt());
            assertEquals(0, report.getMember("passed").asInt());
            assertEquals(0, report.getMember("failed").asInt());
            Value s = report.getMember("scenarios").getArrayElement(0);
            assertEquals("inconclusive", s.getMember("status").asString());
            assertFalse(s.getMember("passed").asBoolean());
            assertTrue(s.getMember("inconclusive").getArrayElement(0).asString().contains("not confirmed: clean"));
        }
    }

    @Test
    void theSameScenarioSearchedCompletelyPasses() throws IOException {
        Path file = scenario("clean.hlk", TWO_LOCKERS + "explore { t1, t2 } expect clean\n");
        Cli r = Cli.run("check", file.toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith("1 passed, 0 failed, 0 inconclusive"), r.out());
    }

    @Test
    void anUnexpectedFindingFailsEvenAnIncompleteSearch() throws IOException {
        // a race nobody expected is real, however few schedules were searched
        Path file = scenario("racy.hlk", TWO_LOCKERS.replace("mutex_lock(a); ", "").replace("; mutex_unlock(a)", "")
                + "explore { t1, t2 } expect clean\n");
        Cli r = Cli.run(args("check", ONE_EXECUTION, file.toString()));
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + file), r.out());
        assertTrue(r.out().contains("+ unexpected: race(counter.n)"), r.out());
    }

    @Test
    void anExpectedFailureFoundBeforeTheSearchEndedIsConfirmed() {
        // the exploration stops at the lost update it expects: a finding needs no complete search
        Cli r = Cli.run("check", "--max-executions", "50", ExamplesTest.REPO.resolve("examples/seed/lost-update-4.19.hlk").toString());
        assertEquals(ExitCodes.SUCCESS, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().strip().endsWith("1 passed, 0 failed, 0 inconclusive"), r.out());
    }

    @Test
    void exploreAndPctExitInconclusiveAndSayWhy() throws IOException {
        Path file = scenario("guarded.hlk", TWO_LOCKERS + "explore { t1, t2 } expect clean\n");
        Cli explore = Cli.run(args("explore", ONE_EXECUTION, file.toString()));
        assertEquals(ExitCodes.INCONCLUSIVE, explore.exitCode(), explore.out() + explore.err());
        assertTrue(explore.err().contains("hotlock: inconclusive: 1 expectation an incomplete search could not settle"), explore.err());
        // PCT samples schedules: however many runs, it cannot show that none fails
        Cli pct = Cli.run("pct", file.toString());
        assertEquals(ExitCodes.INCONCLUSIVE, pct.exitCode(), pct.out() + pct.err());
        assertTrue(pct.out().contains("expectation inconclusive: pct ran 100 sampled schedules"), pct.out());
        assertEquals(ExitCodes.SUCCESS, Cli.run("explore", file.toString()).exitCode(), "a complete search settles it");
    }

    @Test
    void aStatementExpectationAndTheEndOfTheScriptAreInconclusiveToo() throws IOException {
        Path statement = scenario("statement.hlk", TWO_LOCKERS + "explore { t1, t2 }\nexpect clean\nprint(\"after\")\n");
        Cli s = Cli.run(args("explore", ONE_EXECUTION, statement.toString()));
        assertEquals(ExitCodes.INCONCLUSIVE, s.exitCode(), s.out() + s.err());
        assertTrue(s.out().contains("expectation inconclusive: explore stopped INCOMPLETE"), s.out());
        assertTrue(s.out().contains("after\n"), "an inconclusive expectation is no error: the script goes on: " + s.out());
        // no expectation at all: the end of the script claims that nothing is left unanswered
        Path bare = scenario("bare.hlk", TWO_LOCKERS + "explore { t1, t2 }\n");
        Cli b = Cli.run(args("explore", ONE_EXECUTION, bare.toString()));
        assertEquals(ExitCodes.INCONCLUSIVE, b.exitCode(), b.out() + b.err());
        assertTrue(b.err().contains("the end of the script is inconclusive: explore stopped INCOMPLETE"), b.err());
    }

    @Test
    void aFailureOutranksAnInconclusiveFile() throws IOException {
        Path inconclusive = scenario("a.hlk", TWO_LOCKERS + "explore { t1, t2 } expect clean\n");
        Path failing = scenario("b.hlk", "print(1 / 0)\n");
        Cli r = Cli.run(args("explore", ONE_EXECUTION, inconclusive.toString(), failing.toString()));
        assertEquals(ExitCodes.SCRIPT_FAILURE, r.exitCode(), r.out() + r.err());
        Cli c = Cli.run(args("check", ONE_EXECUTION, dir.resolve("scenarios").toString()));
        assertEquals(ExitCodes.SCRIPT_FAILURE, c.exitCode(), c.out() + c.err());
        assertTrue(c.out().strip().endsWith("0 passed, 1 failed, 1 inconclusive"), c.out());
    }
}
