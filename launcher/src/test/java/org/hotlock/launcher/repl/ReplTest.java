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
        return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[=>]", "").replace("\r", "");
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
        assertFalse(s.contains("$7"), "null is not kept as a value: " + s);
        assertTrue(s.contains("x ==> 3"), s);
        assertTrue(s.contains("|  created fn f"), s);
        assertTrue(s.contains("|  replaced fn f"), s);
        assertTrue(s.contains("|  created struct zone2"), s);
    }

    @Test
    void aSnippetContinuesWhileABraceIsOpen() throws IOException {
        String s = session("fn add(a, b) {\n  return a + b\n}\nadd(1, 2)\n");
        assertTrue(s.contains("|  created fn add"), s);
        assertTrue(s.contains("$2 ==> 3"), "the value is named by its snippet's id: " + s);
    }

    @Test
    void errorsAreShownWithACaretAndTheSessionGoesOn() throws IOException {
        String s = session("var = 3\nprint(1 / 0)\n7\n");
        assertTrue(s.contains("|  <input>:1:5: error: expected a name after 'var', found '='"), s);
        assertTrue(s.contains("|      var = 3\n|          ^"), s);
        assertTrue(s.contains("error: division by zero"), s);
        assertTrue(s.contains("==> 7"), "the session went on: " + s);
    }

    @Test
    void everySlashCommandAnswers() throws IOException {
        String s = session(SCENARIO + """
                /help
                /help explore
                /list
                /vars
                /fns -all
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
        assertTrue(s.contains("/kernel VERSION"), s);
        assertTrue(s.contains("Explore every interleaving of the declared threads"), s);
        assertTrue(s.contains("   1 : kernel \"4.19\""), s);
        assertTrue(s.contains("|    int $3 = 11"), s);
        assertTrue(s.contains("|    fn online_pages(pfn, nr_pages, online_type)   (kernel/4.19/memory_hotplug.hlk:5)"), "/fns -all lists the model's functions: " + s);
        assertTrue(s.contains("  thread probe\n  thread admin"), s);
        assertTrue(s.contains("machine box: platform acpi, block_size 0x8000000"), s);
        assertTrue(s.contains("memory33   offline"), s);
        assertTrue(s.contains("no locks held by main/0.\n\nlocks:\n  mutex device_hotplug_lock (free)"), s);
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

    /** Issue 17 (found by ReplFuzzTest): a typed backslash-n came back from the history file as a line break. */
    @Test
    void backslashesInTheHistorySurviveARestart() throws IOException {
        session("print(\"a\\nb\\\\n\") // \\\\\\n\n");
        String s = session("/history\n");
        assertTrue(s.contains("print(\"a\\nb\\\\n\") // \\\\\\n\n"), s);
    }

    @Test
    void snippetIdsAreTheListsAndDropAndRerunUseThem() throws IOException {
        String s = session("var x = 1\nfn f() { return x + 1 }\nf()\n/drop f\n/list\n/list -all\nf()\nvar x = 5\n/!\n/1\n/drop 99\n");
        assertTrue(s.contains("$3 ==> 2"), "the value of snippet 3 is $3: " + s);
        assertTrue(s.contains("|  dropped fn f"), s);
        int list = s.indexOf("hotlock> /list\n");
        int all = s.indexOf("hotlock> /list -all\n");
        String active = s.substring(list, all);
        assertTrue(active.contains("   1 : var x = 1") && active.contains("   3 : f()"), active);
        assertFalse(active.contains("fn f"), "a dropped snippet is not listed: " + active);
        assertTrue(s.substring(all).contains("   2 : fn f() { return x + 1 }   (dropped)"), s);
        assertTrue(s.contains("unknown name 'f'"), "the dropped function is undefined: " + s);
        assertTrue(s.contains("hotlock> /!\nvar x = 5\nx ==> 5"), "/! echoes the last snippet and evaluates it: " + s);
        assertTrue(s.contains("hotlock> /1\nvar x = 1\nx ==> 1"), "/1 reruns snippet 1: " + s);
        assertTrue(s.contains("|  No snippet with ID or name: 99"), s);
        String machine = session("kernel \"4.19\"\nmachine box { node 0 { boot 0..1G } }\nthread box { yield() }\n/drop 2\n/threads\n");
        assertTrue(machine.contains("|  dropped snippet 2 (machine box); what it did stays until /reload replays the active snippets"), machine);
        assertTrue(machine.contains("  thread box"), "a thread named as the machine replaces nothing: " + machine);
    }

    @Test
    void varsFnsAndTypesAreTheUsersUnlessAll() throws IOException {
        String s = session("kernel \"4.19\"\nmachine box { node 0 { boot 0..1G } }\nvar mine = 1\nfn twice(a) { return 2 * a }\nstruct pair { a; b }\n"
                + "/vars\n/fns\n/types\n/vars -all\n/types -all\n");
        int vars = s.indexOf("hotlock> /vars\n");
        int all = s.indexOf("hotlock> /vars -all\n");
        String own = s.substring(vars, all);
        assertTrue(own.contains("|    int mine = 1"), own);
        assertTrue(own.contains("|    fn twice(a)"), own);
        assertTrue(own.contains("|    struct pair { a, b }"), own);
        assertFalse(own.contains("EPERM") || own.contains("online_pages") || own.contains("memory_block"), "no kernel names by default: " + own);
        String everything = s.substring(all);
        assertTrue(everything.contains("|    int EPERM = 1   (kernel/common/defs.hlk:"), everything);
        assertTrue(everything.contains("|    struct memory_block {"), everything);
    }

    @Test
    void editRunsTheEditorAndEvaluatesWhatWasSaved() throws IOException {
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/x + 1/x + 100/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        String s = session("fn f(x) { return x + 1 }\n/set editor " + editor + "\n/edit f\nf(1)\n/list\n");
        assertTrue(s.contains("|  Editor set to: " + editor), s);
        assertTrue(s.contains("|  replaced fn f"), s);
        assertTrue(s.contains("$3 ==> 101"), "the edited function is the one called: " + s);
        assertTrue(s.contains("   2 : fn f(x) { return x + 100 }") && !s.contains("   1 : fn f"), "the edit replaced snippet 1: " + s);
    }

    @Test
    void editingEverySnippetRunsOnlyTheChangedOnes() throws IOException {
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/n + 1/n + 2/' \"$1\"\n");
        editor.toFile().setExecutable(true);
        String s = session("var n = 0\nn = n + 1\nfn f() { return n + 1 }\n/set editor " + editor + "\n/edit\nn\nf()\n");
        assertTrue(s.contains("$6 ==> 3"), "n = n + 2 ran once, var n = 0 not again: " + s);
        assertTrue(s.contains("$7 ==> 5"), "the edited f: " + s);
    }

    @Test
    void feedbackModesSayMoreOrLess() throws IOException {
        String s = session("/set feedback concise\nfn g() { return 1 }\n1 + 1\n/set feedback silent\n2 + 2\n/set feedback verbose\nvar z = 3\n/set feedback loud\n");
        assertFalse(s.contains("|  created fn g"), "concise says no more than values: " + s);
        assertTrue(s.contains("$2 ==> 2"), s);
        assertFalse(s.contains("==> 4"), "silent shows no values: " + s);
        assertTrue(s.contains("z ==> 3\n|  created variable z : int"), s);
        assertTrue(s.contains("|  Usage: /set feedback normal|concise|verbose|silent (now verbose)"), s);
    }

    @Test
    void helpExplainsEachCommand() throws IOException {
        String s = session("/help drop\n/help /edit\n/help /!\n");
        assertTrue(s.contains("|  /drop ID|NAME\n|    Make the snippet inactive and undefine what it declared"), s);
        assertTrue(s.contains("|  /edit [ID|NAME]"), s);
        assertTrue(s.contains("|    Evaluate the last snippet again."), s);
    }

    @Test
    void saveAndOpenGiveTheSameState() throws IOException {
        Path saved = dir.resolve("state.hlk");
        String first = session(SCENARIO + "var gone = 1\nfn keep(a) { return a }\n/drop gone\nlock_device_hotplug()\n/save " + saved + "\n/vars\n/fns\n/locks\n");
        String again = session("/open " + saved + "\n/vars\n/fns\n/locks\n");
        String state = first.substring(first.indexOf("hotlock> /vars"));
        assertTrue(state.contains("1 lock held by main/0:\n #0:  (device_hotplug_lock)"), state);
        assertFalse(Files.readString(saved).contains("gone"), "a dropped snippet is not saved");
        assertEquals(state.replaceAll("\\$\\d+", "\\$N"), again.substring(again.indexOf("hotlock> /vars")).replaceAll("\\$\\d+", "\\$N"),
                "the reopened session has the same variables, functions and held locks");
    }

    @Test
    void graphWritesTheSessionsLockGraph() throws IOException {
        Path dot = dir.resolve("g.dot");
        String s = session(SCENARIO + "/graph " + dot + "\n");
        assertTrue(s.contains("guarded cycles; written to " + dot), s);
        assertTrue(s.contains("|  lock graph: 4 lock classes, 6 dependencies, 0 cycles, 0 guarded cycles"), s);
        assertTrue(s.contains("|    cpu_hotplug_lock -> mem_hotplug_lock   first at mem_hotplug_begin"), s);
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph ") && text.contains("\"cpu_hotplug_lock\" -> \"mem_hotplug_lock\""), text);
    }

    @Test
    void pctRunsTheThreads() throws IOException {
        String s = session(SCENARIO + "/pct\n");
        assertTrue(s.contains("pct (depth 3, seed 0): threads probe, admin, "), s);
    }

    @Test
    void completionOffersMembersSignaturesAndDocumentation() throws IOException {
        Repl r = repl("", new ByteArrayOutputStream());
        r.handle("kernel \"4.19\"");
        r.handle("machine box { node 0 { boot 0..1G } }");
        HotLockCompleter c = new HotLockCompleter(r);
        assertEquals(List.of("sysfs.read", "sysfs.wait", "sysfs.write"), c.candidates("sysfs.", 6));
        assertEquals(List.of("sysfs.write"), c.candidates("sysfs.wr", 8));
        assertEquals("memory_probe_store", FunctionDocs.calledAt("x = memory_probe_store(dev, "));
        String signature = FunctionDocs.signatures(r, "memory_probe_store");
        assertTrue(signature.startsWith("Signatures:\nfn memory_probe_store(dev, buf)  -- CONFIG_ARCH_MEMORY_PROBE: echo <phys_addr>"), signature);
        String doc = FunctionDocs.documentation(r, "sysfs.read");
        assertTrue(doc.startsWith("sysfs_read(path)   (builtin)\nthe text of a sysfs file, or -errno"), doc);
    }

    @Test
    void historyIsPerProjectDirectoryAndClears() throws IOException {
        Path project = dir.resolve("proj");
        Files.createDirectories(project.resolve(".git"));
        Files.createDirectories(project.resolve("sub"));
        Path home = dir.resolve("home");
        assertEquals(HistoryFile.forProject(home, project), HistoryFile.forProject(home, project.resolve("sub")), "one history per project");
        assertTrue(HistoryFile.forProject(home, project).startsWith(home.resolve(".hotlock/history")));
        assertFalse(HistoryFile.forProject(home, dir).equals(HistoryFile.forProject(home, project)), "another directory, another history");
        session("var remembered = 1\n/history -clear\nvar after = 2\n");
        String s = session("/history\n");
        assertFalse(s.contains("remembered"), s);
        assertTrue(s.contains("var after = 2"), s);
    }

    /** A snippet that fails when /reload replays it (what it used was dropped) stays in the session. */
    @Test
    void aSnippetThatFailsOnReloadIsKept() throws IOException {
        Path saved = dir.resolve("kept.hlk");
        String s = session("var a = 1\nvar b = a + 1\n/drop 1\n/reload\n/list\n/save " + saved + "\n");
        assertTrue(s.contains("|  replaying snippet 2 'var b = a + 1' failed (above); it is kept (/drop 2 to drop it)"), s);
        assertTrue(s.contains("   2 : var b = a + 1"), "/list still shows it: " + s);
        assertTrue(Files.readString(saved).contains("var b = a + 1"), "/save still writes it");
    }

    @Test
    void reloadKernelAndSaveHistoryKeepTheSession() throws IOException {
        Path history = dir.resolve("typed.txt");
        String s = session("kernel \"4.19\"\nvar n = 2\n40 + n\n/kernel 9.9\n/reload\n$3 + 1\n/save -history " + history + "\n/list\n");
        assertTrue(s.contains("|  unknown kernel model \"9.9\""), "an unknown kernel is refused: " + s);
        assertTrue(s.contains("|  Restarting and restoring state."), s);
        assertTrue(s.contains("$4 ==> 43"), "after /reload, $3 is what it was: " + s);
        assertTrue(s.contains("   1 : kernel \"4.19\""), "the session was not lost to the unknown kernel: " + s);
        assertTrue(Files.readString(history).contains("/kernel 9.9\n/reload\n$3 + 1"), "the history, commands and all");
    }

    @Test
    void locksShowsWhatEachGuestThreadHoldsAsLockdepDoes() throws IOException {
        String s = session("kernel \"4.20\"\nmachine box { node 0 { boot 0..1G } }\nconst a = mutex(\"a\")\nconst b = mutex(\"b\")\n"
                + "thread holder { mutex_lock(a); mutex_lock(b) }\n/run\nlock_device_hotplug()\n/locks\n");
        String locks = s.substring(s.indexOf("hotlock> /locks"));
        assertTrue(locks.contains("1 lock held by main/0:\n #0:  (device_hotplug_lock)\n"), locks);
        assertTrue(locks.contains("2 locks held by holder/1:\n #0:  (a)\n #1:  (b)\n"), "a thread that ended holding locks: " + locks);
        assertTrue(locks.contains("  mutex a (held by holder)"), locks);
    }
}
