package org.hotlock.launcher.repl;

import org.jline.terminal.Terminal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Guest output (print, reports) written through the terminal, so it mixes well with the prompt. */
final class TerminalStream extends OutputStream {
    private final Terminal terminal;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    TerminalStream(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            terminal.writer().print(line.toString(StandardCharsets.UTF_8));
            terminal.writer().flush();
            line.reset();
        }
    }
}
