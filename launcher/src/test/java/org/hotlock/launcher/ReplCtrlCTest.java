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
}
