package org.hotlock.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-C typed on the REPL's terminal while something runs (spec/repl.md). */
class ReplCtrlCTest {
    @TempDir
    Path dir;

    /** Found by ReplFuzzTest: each Ctrl-C stopped one endless snippet of an /open and the next one ran. */
    @Test
    void ctrlCDuringOpenEndsTheWholeFile() throws Exception {
        Path loops = dir.resolve("loops.hlk");
        Files.writeString(loops, "while (true) { }\nwhile (true) { }\nwhile (true) { }\nvar after = 1\n");
        try (TerminalSession session = new TerminalSession(dir.resolve("history"))) {
            int mark = session.mark();
            session.type("/open " + loops + "\n");
            Thread.sleep(500);
            session.type("\u0003");
            assertTrue(session.await(Pattern.compile("Ctrl-C: the 3 snippets after it are not evaluated"), mark, Duration.ofSeconds(20)),
                    session.since(mark));
            mark = session.mark();
            session.type("print(after)\n");
            assertTrue(session.await(Pattern.compile("unknown name 'after'"), mark, Duration.ofSeconds(20)), session.since(mark));
            assertFalse(session.since(mark).contains("==> 1"), session.since(mark));
        }
    }

    /** Ctrl-C while /reload replays an endless snippet: the replay ends, and no snippet is lost. */
    @Test
    void ctrlCDuringReloadEndsTheReplayAndKeepsEverySnippet() throws Exception {
        Path saved = dir.resolve("saved.hlk");
        try (TerminalSession session = new TerminalSession(dir.resolve("history"))) {
            int mark = session.mark();
            // the loop ends when it is typed (n is 0); replayed without snippet 2, it does not
            session.type("var n = 2\nn = 0\nwhile (n > 0) { if (n == 2) { print(\"spinning\"); n = 3 } }\nvar after = 2\n");
            assertTrue(session.await(Pattern.compile("after ==> 2"), mark, Duration.ofSeconds(20)), session.since(mark));
            mark = session.mark();
            session.type("/drop 2\n/reload\n");
            // the Ctrl-C once the replay is in the loop (on a loaded machine, not a fixed delay)
            assertTrue(session.await(Pattern.compile("(?m)^spinning"), mark, Duration.ofSeconds(30)), session.since(mark));
            session.type("\u0003");
            assertTrue(session.await(Pattern.compile("Ctrl-C: the 1 snippets after it are kept but not replayed"), mark, Duration.ofSeconds(20)),
                    session.since(mark));
            assertTrue(session.since(mark).contains("replaying snippet 3 'while (n > 0) { if (n == 2) { print(\"spinning\"); n = 3 } }' failed (above); it is kept"),
                    session.since(mark));
            mark = session.mark();
            session.type("/save " + saved + "\n/list\n");
            assertTrue(session.await(Pattern.compile("4 : var after = 2"), mark, Duration.ofSeconds(20)), session.since(mark));
            String list = session.since(mark);
            assertTrue(list.contains("1 : var n = 2") && list.contains("3 : while (n > 0) {"), list);
        }
        String text = Files.readString(saved);
        assertTrue(text.contains("var n = 2") && text.contains("while (n > 0) {") && text.contains("var after = 2"), text);
        assertFalse(text.contains("n = 0\n"), "the dropped snippet is not saved: " + text);
    }
}
