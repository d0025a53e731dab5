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
    record State(int lines) {
    }

    private final List<String> lines = new ArrayList<>();
    /** Never restored: a WARN seen in one execution is the same warning in the next. */
    private final Map<String, KernelWarning> warned = new HashMap<>();

    @TruffleBoundary
    public void log(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return lines;
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
        lines.add(warning.report());
    }

    State save() {
        return new State(lines.size());
    }

    void restore(State s) {
        Kernel.truncate(lines, s.lines());
    }
}
