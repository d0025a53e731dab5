package org.hotlock.launcher.progress;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line: its text, and that it is rewritten in place (JLine's Status, or a carriage return). */
class ProgressLineTest {
    private static final Progress PCT = new Progress("pct", 40, 20, 57, 0, 100, true, 2.0, false);
    private static final Progress EXPLORE = new Progress("explore", 4812, 2310.4, 49, 3, 1_000_000, false, 2.1, false);

    @Test
    void pctShowsRunsOfTotalAndAnEstimateOfTheTimeLeft() {
        String text = ProgressText.line("", PCT, 200).toString();
        assertEquals("pct ▕██████░░░░░░░░░░▏ 40 of 100 runs · 20/s · depth 57 · 0 findings · 2.0 s · about 3 s left", text);
    }

    @Test
    void anExplorationShowsItsBoundAndSaysItHasNoEstimate() {
        AttributedString line = ProgressText.line("check 2/9 x.hlk", EXPLORE, 200);
        String text = line.toString();
        assertEquals("check 2/9 x.hlk explore ▕░░░░░░░░░░░░░░░░▏ 4 812 executions · 2 310/s · depth 49 · 3 findings · 2.1 s"
                + " · no estimate: size unknown until done (bound 1 000 000)", text);
        int at = text.indexOf("3 findings");
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.RED), line.styleAt(at), "findings are red once there are any");
        AttributedString none = ProgressText.line("", PCT, 200);
        assertEquals(AttributedStyle.DEFAULT, none.styleAt(none.toString().indexOf("0 findings")), "none: plain");
        assertEquals(79, ProgressText.line("", EXPLORE, 80).columnLength(), "cut to the terminal's width, less one column");
    }

    private static Terminal terminal(ByteArrayOutputStream out, int height) throws IOException {
        // written straight into the stream (a pty-backed terminal would pass it through a pump thread)
        Terminal t = new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8);
        t.setSize(new Size(120, height));
        return t;
    }

    @Test
    void theLineIsTheTerminalsStatusLineRewrittenInPlace() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int first;
        int second;
        try (Terminal t = terminal(out, 24); ProgressLine line = new ProgressLine(t)) {
            line.update("", new Progress("explore", 100, 50, 10, 0, 1_000_000, false, 2, false));
            first = out.size();
            line.update("", new Progress("explore", 200, 50, 12, 0, 1_000_000, false, 4, false));
            second = out.size() - first;
            line.update("", new Progress("explore", 300, 50, 12, 1, 1_000_000, false, 6, true));
        }
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("100 executions · 50/s · depth 10"), s);
        assertTrue(second < first / 2, "the second report rewrites only what changed (" + second + " of " + first + " bytes): " + s);
        assertFalse(s.contains("300 executions"), "a search that is done clears the line: " + s);
        // Status makes room for its line once (one newline, before anything is drawn); then it never scrolls
        assertEquals(s.indexOf('\n'), s.lastIndexOf('\n'), "updated in place, never scrolled: " + s);
        assertTrue(s.indexOf('\n') < s.indexOf("explore"), s);
        assertTrue(s.contains("\u001b[1;23r"), "the last line is kept out of the scrolling region (Status): " + s);
        assertTrue(s.contains("\u001b[1;24r"), "and given back when done: " + s);
    }

    @Test
    void withoutScrollingRegionsTheLineIsRewrittenAfterACarriageReturn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = terminal(out, 1); ProgressLine line = new ProgressLine(t)) {
            line.update("", PCT);
            line.update("", new Progress("pct", 60, 20, 57, 0, 100, true, 3.0, false));
        }
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\r"), s);
        assertTrue(s.contains("40 of 100 runs") && s.contains("60 of 100 runs"), s);
        assertTrue(s.endsWith("\r\u001b[K"), "cleared at the end: " + s);
        assertFalse(s.contains("\n"), s);
    }
}
