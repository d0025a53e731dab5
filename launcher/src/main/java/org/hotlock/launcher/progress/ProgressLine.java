package org.hotlock.launcher.progress;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Status;

import java.io.IOException;
import java.util.List;

/**
 * One line on a terminal that a long search rewrites in place: JLine's {@link Status} (the
 * terminal's last line, kept out of the scrolling region) where the terminal can do that,
 * else the line rewritten after a carriage return. Only on a terminal: a command whose output
 * is a file or a pipe (a CI log) gets none ({@link #onTerminal} answers null). Shared by the
 * commands; a REPL passes its own terminal.
 */
public final class ProgressLine implements AutoCloseable {
    private final Terminal terminal;
    private final boolean ownsTerminal;
    private final Status status;
    private boolean shown;

    /** On the given terminal (the REPL's, or a test's). */
    public ProgressLine(Terminal terminal) {
        this(terminal, false);
    }

    private ProgressLine(Terminal terminal, boolean ownsTerminal) {
        this.terminal = terminal;
        this.ownsTerminal = ownsTerminal;
        boolean regions = terminal.getStringCapability(Capability.change_scroll_region) != null
                && terminal.getStringCapability(Capability.cursor_address) != null && terminal.getHeight() > 1;
        this.status = regions ? Status.getStatus(terminal, true) : null;
    }

    /** A progress line on the process's terminal; null when standard output is not one (or is a dumb one). */
    public static ProgressLine onTerminal() {
        java.io.Console console = System.console();
        String term = System.getenv("TERM");
        if (console == null || !console.isTerminal() || term == null || term.equals("dumb")) {
            return null;
        }
        try {
            Terminal t = TerminalBuilder.builder().system(true).dumb(false).signalHandler(Terminal.SignalHandler.SIG_DFL).build();
            return new ProgressLine(t, true);
        } catch (IOException | IllegalStateException e) {
            return null;   // no terminal after all: no progress line, as in a log
        }
    }

    public int width() {
        int w = terminal.getWidth();
        return w > 0 ? w : 100;
    }

    /** Shows the line in place of the last one. */
    public synchronized void show(AttributedString line) {
        if (status != null) {
            status.update(List.of(line));
        } else {
            terminal.puts(Capability.carriage_return);
            terminal.writer().print(line.toAnsi(terminal));
            terminal.puts(Capability.clr_eol);
        }
        terminal.flush();
        shown = true;
    }

    /** Shows a search's progress, or, once it is done, removes the line. */
    public void update(String prefix, Progress p) {
        if (p.done()) {
            clear();
        } else {
            show(ProgressText.line(prefix, p, width()));
        }
    }

    /** Removes the line: what is printed next starts where it was. */
    public synchronized void clear() {
        if (!shown) {
            return;
        }
        if (status != null) {
            status.update(List.of());
        } else {
            terminal.puts(Capability.carriage_return);
            terminal.puts(Capability.clr_eol);
        }
        terminal.flush();
        shown = false;
    }

    @Override
    public synchronized void close() {
        clear();
        if (status != null) {
            status.close();
        }
        if (ownsTerminal) {
            try {
                terminal.close();
            } catch (IOException e) {
                // the terminal is being let go of: nothing to do about it
            }
        }
    }
}
