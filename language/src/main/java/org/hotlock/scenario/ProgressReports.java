package org.hotlock.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import org.hotlock.check.Checks;
import org.hotlock.context.HotLockContext;
import org.hotlock.context.HotLockOptions;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * The progress of one search (an exploration or PCT), published while it runs: to an
 * embedder's listener ({@code session.onProgress(fn)}: the launcher's JLine progress line on a
 * terminal) four times a second and once at the end, as a {@code progress} struct; else, with
 * {@code hotlock.Progress}, as a text line a second (for a log).
 */
final class ProgressReports {
    /**
     * {@code total}: for PCT the runs it will make (exactly: {@code total_exact}); for an
     * exploration its --max-executions, a bound and no estimate: how many executions optimal
     * DPOR needs is known only once it has run them.
     */
    static final StructType PROGRESS = new StructType("progress",
            List.of("mode", "executions", "per_second", "depth", "findings", "total", "total_exact", "elapsed", "done"));
    private static final long LISTENER_EVERY = 250_000_000L;
    private static final long LINE_EVERY = 1_000_000_000L;

    private final HotLockContext context;
    private final Checks checks;
    private final String mode;
    private final long total;
    private final boolean exact;
    private final IntSupplier depth;
    private final long start = System.nanoTime();
    private long last = start;

    ProgressReports(HotLockContext context, Checks checks, String mode, long total, boolean exact, IntSupplier depth) {
        this.context = context;
        this.checks = checks;
        this.mode = mode;
        this.total = total;
        this.exact = exact;
        this.depth = depth;
    }

    /** After each execution: publishes if it is time to. */
    @TruffleBoundary
    void executed(long executions) {
        long now = System.nanoTime();
        Object listener = context.progressListener();
        if (now - last < (listener != null ? LISTENER_EVERY : LINE_EVERY)) {
            return;
        }
        last = now;
        if (listener != null) {
            publish(listener, executions, now, false);
        } else if (context.env().getOptions().get(HotLockOptions.Progress)) {
            line(executions, now);
        }
    }

    /** The search is over: the listener hears it (and clears its line). */
    @TruffleBoundary
    void finished(long executions) {
        Object listener = context.progressListener();
        if (listener != null) {
            publish(listener, executions, System.nanoTime(), true);
        }
    }

    private void publish(Object listener, long executions, long now, boolean done) {
        double secs = Math.max(1e-9, (now - start) / 1e9);
        HLObject p = PROGRESS.instantiate();
        p.set("mode", mode);
        p.set("executions", executions);
        p.set("per_second", executions / secs);
        p.set("depth", (long) depth.getAsInt());
        p.set("findings", (long) checks.findings().entries().size());
        p.set("total", total);
        p.set("total_exact", exact);
        p.set("elapsed", secs);
        p.set("done", done);
        try {
            InteropLibrary.getUncached().execute(listener, p);
        } catch (InteropException e) {
            // a listener that cannot take it shows no progress; the search goes on
        }
    }

    private void line(long executions, long now) {
        double secs = (now - start) / 1e9;
        String text = String.format("%s: %d executions, %.0f/s, depth %d, %d findings so far, %.1f s elapsed%s",
                mode, executions, executions / secs, depth.getAsInt(), checks.findings().entries().size(), secs,
                exact ? String.format(", %d of %d runs", executions, total) : "");
        context.err().println(text);
    }
}
