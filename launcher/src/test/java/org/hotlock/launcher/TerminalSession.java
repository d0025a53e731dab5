package org.hotlock.launcher;

import org.hotlock.launcher.repl.Repl;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The REPL as {@code hotlock} starts it (the launcher's REPL contexts), on a JLine terminal
 * whose keyboard is a pipe and whose screen is kept: bytes typed reach the REPL as a terminal's
 * input does, so a Ctrl-C byte raises the terminal's interrupt signal the moment it is typed,
 * whatever the REPL is doing then.
 */
final class TerminalSession implements AutoCloseable {
    /** A character no keyboard sends, standing for a pause of {@value #PAUSE_MS} ms in what is typed. */
    static final char PAUSE = '\ue000';
    static final int PAUSE_MS = 100;
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?>]*[A-Za-z@~]|\u001b[=>()][0-9A-Za-z]?|\u001b\\][^\u0007]*\u0007|\r");

    private final PipedOutputStream keyboard;
    private final Screen screen = new Screen();
    private final Terminal terminal;
    private final Contexts contexts;
    private final Thread thread;
    private volatile Throwable escaped;
    private volatile boolean ended;

    TerminalSession(Path history) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        keyboard = new PipedOutputStream(in);
        terminal = new ExternalTerminal("fuzz", "xterm-256color", in, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(120, 40));
        PrintStream engineOut = new PrintStream(screen, true, StandardCharsets.UTF_8);
        contexts = new Contexts(InputStream.nullInputStream(), engineOut, engineOut);
        Repl repl = new Repl(terminal, history, (guestOut, kernel) -> contexts.forRepl(guestOut));
        thread = new Thread(() -> {
            try {
                repl.run();
            } catch (Throwable t) {
                escaped = t;
            } finally {
                ended = true;
            }
        }, "repl");
        thread.setDaemon(true);
        thread.start();
    }

    /** Types the text; each {@link #PAUSE} waits a moment first, so a Ctrl-C after it lands while the line before runs. */
    void type(String text) throws IOException {
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == PAUSE) {
                keyboard.write(text.substring(from, i).getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                from = i + 1;
                if (i < text.length()) {
                    pause(PAUSE_MS);
                }
            }
        }
    }

    /** Where the screen is now: {@link #since} and {@link #await} read from a mark. */
    int mark() {
        return screen.size();
    }

    /** What was written to the screen since the mark, without the terminal's escape sequences. */
    String since(int mark) {
        return ESCAPES.matcher(screen.text(mark)).replaceAll("");
    }

    /** Waits until what the screen shows since the mark matches; false if it did not within the time. */
    boolean await(Pattern pattern, int mark, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        synchronized (screen) {
            while (!pattern.matcher(since(mark)).find()) {
                long left = end - System.nanoTime();
                if (left <= 0 || ended) {
                    return pattern.matcher(since(mark)).find();
                }
                try {
                    screen.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Waits until the screen has been still for the quiet time (the REPL has read and echoed
     * what was typed, or runs something silent), at most the given time.
     */
    void settle(Duration quiet, Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        int seen = mark();
        long stillSince = System.nanoTime();
        while (System.nanoTime() < end && System.nanoTime() - stillSince < quiet.toNanos()) {
            pause(10);
            int now = mark();
            if (now != seen) {
                seen = now;
                stillSince = System.nanoTime();
            }
        }
    }

    /** True while the REPL runs: no exception escaped it and it did not end. */
    boolean running() {
        return !ended;
    }

    /** What ended the REPL by escaping it (Main would print it as an internal error), or null. */
    Throwable escaped() {
        return escaped;
    }

    /** Ends the session as Ctrl-D at an empty prompt does; true when the REPL ended within the time. */
    boolean end(Duration within) throws IOException, InterruptedException {
        type("\u0003");
        pause(PAUSE_MS);
        type("\u0004");
        thread.join(within.toMillis());
        return ended;
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.close();
        contexts.closeEngine();
    }

    private static void pause(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The terminal's output, kept whole; readers wait on it for what they expect. */
    private static final class Screen extends OutputStream {
        private byte[] bytes = new byte[1 << 16];
        private int size;

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
            notifyAll();
        }

        synchronized int size() {
            return size;
        }

        synchronized String text(int from) {
            return new String(bytes, from, size - from, StandardCharsets.UTF_8);
        }
    }
}
