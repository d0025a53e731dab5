package org.hotlock.launcher.repl;

import org.graalvm.polyglot.Context;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REPL's logic on a JLine terminal fed from a stream: what a session prints. */
class ReplTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = """
            kernel "4.19"
            machine box { node 0 { boot 0..4G; hotpluggable 4G..8G } }
            sysfs.write("/sys/devices/system/memory/probe", "0x108000000")
            sysfs.write("/sys/devices/system/memory/auto_online_blocks", "online")
            thread probe { sysfs.write("/sys/devices/system/memory/probe", 0x100000000) }
            thread admin {
              sysfs.write("/sys/devices/system/memory/memory33/online", "1")
            }
            """;

    private Repl repl(String input, ByteArrayOutputStream out) throws IOException {
        // JLine's own test terminal: input from a stream, output captured
        Terminal t = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                StandardCharsets.UTF_8);
        return new Repl(t, dir.resolve("history"), (guestOut, kernel) -> Context.newBuilder("hotlock").out(guestOut).err(guestOut)
                .option("engine.WarnInterpreterOnly", "false").build());
    }

    private String session(String input) throws IOException {
        return session(input, false);
    }

    /** A session; with workers, explorations hand subtrees to a worker, which replays the snippets typed so far. */
    private String session(String input, boolean workers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Repl repl = workers ? new Repl(new ExternalTerminal("test", "xterm", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                StandardCharsets.UTF_8), dir.resolve("history"), (guestOut, kernel) -> Context.newBuilder("hotlock").out(guestOut).err(guestOut)
                .allowCreateThread(true).option("hotlock.Workers", "2").option("hotlock.WorkersAfter", "-1")
                .option("engine.WarnInterpreterOnly", "false").build()) : repl(input, out);
        repl.run();
        // the terminal's escape sequences (highlighting, cursor moves) are not what is asserted
        return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }

    /** /open reads as a script is read: bounded, and an undecodable byte is named with its line (issue 17). */
    @Test
    void openSaysWhichByteIsNotUtf8() throws IOException {
        Path latin = dir.resolve("latin.hlk");
        Files.write(latin, new byte[]{'1', '\n', '"', (byte) 0xe9, '"', '\n'});
        String s = session("/open " + latin + "\n");
        assertTrue(s.contains(latin + ":2: not UTF-8 text (byte 3: 0xe9)"), s);
        assertFalse(s.contains("Input length"), s);
    }

    @Test
    void snippetsAreEchoedAsJShellDoes() throws IOException {
        String s = session("""
                40 + 2
                $1 * 2
                var x = 3
                fn f() { return 1 }
                fn f() { return 2 }
                struct zone2 { n = 0 }
                null
                """);
        assertTrue(s.contains("$1 ==> 42"), s);
        assertTrue(s.contains("$2 ==> 84"), "earlier values are reachable as $1: " + s);
        assertTrue(s.contains("x ==> 3"), s);
        assertTrue(s.contains("|  created fn f"), s);
        assertTrue(s.contains("|  replaced fn f"), s);
        assertTrue(s.contains("|  created struct zone2"), s);
        assertFalse(s.contains("$3"), "null is not kept as a value: " + s);
    }

    @Test
    void aSnippetContinuesWhileABraceIsOpen() throws IOException {
        String s = session("fn add(a, b) {\n  return a + b\n}\nadd(1, 2)\n");
        assertTrue(s.contains("|  created fn add"), s);
        assertTrue(s.contains("$1 ==> 3"), s);
    }

    @Test
    void errorsAreShownWithACaretAndTheSessionGoesOn() throws IOException {
        String s = session("var = 3\nprint(1 / 0)\n7\n");
        assertTrue(s.contains("|  <input>:1:5: error: expected a name after 'var', found '='"), s);
        assertTrue(s.contains("|      var = 3\n|          ^"), s);
        assertTrue(s.contains("error: division by zero"), s);
        assertTrue(s.contains("$1 ==> 7"), "the session went on: " + s);
    }

    @Test
    void everySlashCommandAnswers() throws IOException {
        String s = session(SCENARIO + """
                /help
                /help explore
                /list
                /vars
                /fns
                /threads
                /machine
                /blocks
                /locks
                /rules
                /trace
                /ex
                /nonsense
                /history
                /exit
                1 + 1
                """);
        assertTrue(s.contains("/kernel 4.19|4.20"), s);
        assertTrue(s.contains("Explore every interleaving of the declared threads"), s);
        assertTrue(s.contains("   1 : kernel \"4.19\""), s);
        assertTrue(s.contains("|    int $1 = 11"), s);
        assertTrue(s.contains("|    fn online_pages"), "/fns lists the model's functions: " + s);
        assertTrue(s.contains("  thread probe\n  thread admin"), s);
        assertTrue(s.contains("machine box: platform acpi, block_size 0x8000000"), s);
        assertTrue(s.contains("memory33   offline"), s);
        assertTrue(s.contains("mutex device_hotplug_lock (free)"), s);
        assertTrue(s.contains("R3: device_online()/device_offline() must only be called with device_hotplug_lock"), s);
        assertTrue(s.contains("no failing interleaving yet"), s);
        assertTrue(s.contains("|  Command: '/ex' is ambiguous: /explore, /exit"), s);
        assertTrue(s.contains("|  No such command or snippet id: /nonsense"), s);
        assertTrue(s.contains("|  Goodbye"), s);
        assertFalse(s.contains("$2 ==> 2"), "/exit ends the session: " + s);
    }

    @Test
    void exploreWithWorkersReplaysTheSnippetsAndReportsAlike() throws IOException {
        String scenario = SCENARIO.replace("kernel \"4.19\"", "kernel \"4.20\"") + "var n = 2\nn = n + 1\n";
        String alone = session(scenario + "/explore\n");
        String parallel = session(scenario + "/explore\n", true);
        String headline = "cycle x5), every schedule explored";
        assertTrue(alone.contains(headline), alone);
        assertTrue(parallel.contains(headline), parallel);
        assertTrue(parallel.contains("in subtrees explored in parallel, 2 workers"), "a worker took part: " + parallel);
        assertFalse(parallel.contains("hotlock: explore --workers"), "no worker had a problem: " + parallel);
        String summary = "explore \\(optimal DPOR\\): threads probe, admin, (\\d+) executions";
        java.util.regex.Matcher a = java.util.regex.Pattern.compile(summary).matcher(alone);
        java.util.regex.Matcher b = java.util.regex.Pattern.compile(summary).matcher(parallel);
        assertTrue(a.find() && b.find(), parallel);
        assertEquals(a.group(1), b.group(1), "the same executions with a worker");
    }

    @Test
    void eachSnippetAndExploreShowsItsOwnFindingsAndTheHeadlineNamesThem() throws IOException {
        String scenario = SCENARIO.replace("kernel \"4.19\"", "kernel \"4.20\"");
        String s = session(scenario + "unlock_device_hotplug()\n/explore\n/explore\n");
        String snippet = "bad unlock balance detected: main releases device_hotplug_lock which is not locked";
        int shown = s.indexOf("[bad_unlock] " + snippet);
        int explore = s.indexOf("explore (optimal DPOR)");
        assertTrue(shown >= 0 && shown < explore, "the snippet's finding is shown after the snippet: " + s);
        assertEquals(shown, s.lastIndexOf("[bad_unlock] " + snippet), "and not again under an /explore: " + s);
        assertFalse(s.contains("result: clean"), "4.20's scenario finds bad unlocks and cycles: " + s);
        java.util.regex.Matcher headline = java.util.regex.Pattern.compile("  result: (\\d+) findings \\(([^\n]*)\\), every schedule explored\n").matcher(s);
        assertTrue(headline.find(), s);
        String first = headline.group(0);
        assertTrue(first.contains("bad_unlock") && first.contains("cycle"), first);
        assertTrue(headline.find(), "the second /explore: " + s);
        assertEquals(first, headline.group(0), "the second /explore names the same findings");
        assertTrue(s.substring(headline.end()).contains("-- reported above"), s);
    }

    @Test
    void aStatementExpectationSaysWhatItChecked() throws IOException {
        String s = session("kernel \"4.20\"\nmachine box { node 0 { boot 0..1G } }\nunlock_device_hotplug()\nexpect bad_unlock\n");
        assertTrue(s.contains("expectation met: bad_unlock"), s);
    }

    @Test
    void exploreThenKernelSwitchThenSaveAndOpen() throws IOException {
        Path saved = dir.resolve("scenario.hlk");
        String s = session(SCENARIO + "/explore\n/trace\n/kernel 4.20\n/explore\n/save " + saved + "\n");
        assertTrue(s.contains("kernel invariant broken: zone Normal (node 0)"), s);
        assertTrue(s.contains("step  probe"), "/trace shows the interleaving: " + s);
        assertTrue(s.contains("|  now on kernel 4.20"), s);
        assertTrue(s.contains("cycle x5), every schedule explored"), s);
        String file = Files.readString(saved);
        assertTrue(file.startsWith("kernel \"4.20\"\n"), file);
        assertTrue(file.contains("explore { probe, admin }"), file);
        String reopened = session("/open " + saved + "\n");
        assertTrue(reopened.contains("cycle x5), every schedule explored"), "the saved scenario runs again: " + reopened);
    }

    @Test
    void completionOffersCommandsKeywordsNamesAndSysfsPaths() throws IOException {
        Repl r = repl("", new ByteArrayOutputStream());
        r.handle("kernel \"4.19\"");
        r.handle("machine box { node 0 { boot 0..1G } }");
        r.handle("fn online_all() { }");
        HotLockCompleter c = new HotLockCompleter(r);
        assertEquals(List.of("/exit", "/explore"), c.candidates("/ex", 3));
        assertTrue(c.candidates("thr", 3).contains("thread"));
        assertTrue(c.candidates("online_a", 8).contains("online_all"));
        assertTrue(c.candidates("device_hot", 10).contains("device_hotplug_lock"), "lock names complete");
        String line = "sysfs.write(\"/sys/devices/system/memory/mem";
        List<String> paths = c.candidates(line, line.length());
        assertTrue(paths.contains("/sys/devices/system/memory/memory0/"), paths.toString());
        String probe = "sysfs.write(\"/sys/devices/system/memory/pro";
        assertEquals(List.of("/sys/devices/system/memory/probe"), c.candidates(probe, probe.length()));
    }

    @Test
    void historyIsKeptAcrossSessions() throws IOException {
        session("var remembered = 1\n");
        String s = session("/history\n");
        assertTrue(s.contains("var remembered = 1"), s);
    }

    @Test
    void aFailedSaveLeavesThePreviousFileAndNoDebris() throws IOException {
        Path target = dir.resolve("kept.hlk");
        session("var a = 1\n/save " + target + "\n");
        String before = Files.readString(target);
        assertTrue(before.contains("var a = 1"), before);
        // a directory in the file's place: the rename fails and nothing is damaged
        Path blocked = dir.resolve("blocked.hlk");
        Files.createDirectories(blocked.resolve("inside"));
        String s = session("var b = 2\n/save " + blocked + "\n/save " + target + "\n");
        assertTrue(s.contains("|  could not save to " + blocked), s);
        assertTrue(Files.isDirectory(blocked.resolve("inside")), "the old content is intact");
        assertTrue(Files.readString(target).contains("var b = 2"), "the second save replaced the file whole");
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files are left");
        }
    }

    @Test
    void multiLineHistoryEntriesSurviveARestart() throws IOException {
        session("fn two() {\n  return 2\n}\n");
        String s = session("/history\n");
        assertTrue(s.contains("fn two() {\n  return 2\n}"), s);
    }
}
