package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel log (printk lines and WARN reports) and the WARNs seen so far. A WARN at one place
 * is one warning however often it fires; the log keeps the lines of this execution only.
 */
public final class KernelLog {
    /** How long the log was: an execution restores it to that. */
    record State(int lines, long dropped) {
    }

    /** The most lines the log keeps: a printk in an endless loop must not fill the heap. */
    public static final int MAX_LINES = 100_000;

    private final List<String> lines = new ArrayList<>();
    /** Lines not kept since the log was full (the kernel's ring buffer drops lines too). */
    private long dropped;
    /** Never restored: a WARN seen in one execution is the same warning in the next. */
    private final Map<String, KernelWarning> warned = new HashMap<>();

    @TruffleBoundary
    public void log(String line) {
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        } else {
            dropped++;
        }
    }

    /** The lines kept, and a last one that says how many were not, if any were. */
    @TruffleBoundary
    public List<String> lines() {
        if (dropped == 0) {
            return lines;
        }
        List<String> all = new ArrayList<>(lines);
        all.add("hotlock: " + dropped + " more lines not kept (the log keeps the first " + MAX_LINES + ")");
        return all;
    }

    /** The warning seen before under this key, or null. */
    @TruffleBoundary
    KernelWarning warned(String key) {
        return warned.get(key);
    }

    /** A WARN seen for the first time: it is remembered, and its report goes to the log. */
    @TruffleBoundary
    void firstWarning(KernelWarning warning) {
        warned.put(warning.key(), warning);
        log(warning.report());
    }

    State save() {
        return new State(lines.size(), dropped);
    }

    void restore(State s) {
        Kernel.truncate(lines, s.lines());
        dropped = s.dropped();
    }
}
