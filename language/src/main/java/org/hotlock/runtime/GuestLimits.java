package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The limits a context's guest code runs under: how deeply calls nest now, and how many loop
 * iterations and calls it may still make (the statement limit). Both cover every guest thread
 * of the context together: they share the host thread's stack, one at a time.
 * <p>
 * The statement limit is counted at each function call and each loop iteration, the only ways
 * guest code runs for long, so the count is one decrement where the code already branches.
 * It starts afresh for each top-level source (a script, a snippet) and for each execution of a
 * scenario (in {@code run}, {@code explore}, {@code pct} and {@code bench} alike); after an
 * execution the top-level count goes on where it was.
 */
public final class GuestLimits {
    private final int callLimit;
    private final long statementLimit;
    private int depth;
    private long statementsLeft;
    private boolean inExecution;

    /** Limits of {@code callLimit} nested calls and {@code statementLimit} statements (0: none). */
    public GuestLimits(int callLimit, long statementLimit) {
        this.callLimit = callLimit;
        this.statementLimit = statementLimit <= 0 ? Long.MAX_VALUE : statementLimit;
        this.statementsLeft = this.statementLimit;
    }

    /** Counts a guest call; true when it goes past the call-depth limit. */
    public boolean enter() {
        return ++depth > callLimit;
    }

    public void exit() {
        depth--;
    }

    /** The guest call depth now: the scheduler restores it when an execution ends. */
    public int current() {
        return depth;
    }

    /**
     * Back to a depth saved before: guest threads an execution leaves unfinished (deadlocked,
     * cut off by a sleep set or the step bound) never return from their calls.
     */
    public void restore(int saved) {
        depth = saved;
    }

    /** Counts a call or a loop iteration; true when it goes past the statement limit. */
    public boolean count() {
        return --statementsLeft < 0;
    }

    /** A top-level source starts: the whole limit again. */
    public void startSource() {
        statementsLeft = statementLimit;
    }

    /** An execution of a scenario starts, with the whole limit; returns what the top level had left. */
    public long startExecution() {
        long saved = statementsLeft;
        statementsLeft = statementLimit;
        inExecution = true;
        return saved;
    }

    /** The execution ended: the top level goes on with what it had left. */
    public void endExecution(long saved) {
        statementsLeft = saved;
        inExecution = false;
    }

    @TruffleBoundary
    public String overflowMessage() {
        return "stack overflow: guest calls nested deeper than " + callLimit
                + " (endless recursion?); raise the limit with --max-call-depth N (the hotlock.MaxCallDepth option)";
    }

    /** What went past the statement limit, for the error; from now on nothing more is counted. */
    @TruffleBoundary
    public String statementLimitExceeded() {
        // the error unwinds through calls and loops: they count no further
        statementsLeft = Long.MAX_VALUE;
        return (inExecution ? "an execution of the scenario" : "the script") + " ran more than " + statementLimit
                + " loop iterations and calls, its statement limit: an endless loop? Raise the limit with --statement-limit N (0: none)";
    }
}
