package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.nodes.Node;

/**
 * The limits a context's guest code runs under: how deeply calls nest now, and how many loop
 * iterations and calls it may still make (the statement limit). Both cover every guest thread
 * of the context together: they share the host thread's stack, one at a time.
 * <p>
 * The statement limit is counted at each function call and each loop iteration, the only ways
 * guest code runs for long, so the count is one decrement where the code already branches.
 * It starts afresh for each top-level source (a script, a snippet) and for each execution of a
 * scenario (in {@code run}, {@code explore}, {@code pct} and {@code bench} alike); after an
 * execution the top-level count goes on where it was. Each refill also looks at the heap
 * ({@link HeapGuard}).
 */
public final class GuestLimits {
    /** Loop iterations and calls between two looks at the clock and the rest of the budget. */
    private static final long CHUNK = 4096;

    private final int callLimit;
    private final long statementLimit;
    private int depth;
    /** Counted down at each call and iteration; below zero, {@link #refill} looks at the rest. */
    private long chunkLeft;
    /** The budget beyond the current chunk. */
    private long budgetLeft;
    private boolean inExecution;
    /** When the running execution must stop ({@code System.nanoTime()}), or Long.MAX_VALUE. */
    private long deadline = Long.MAX_VALUE;
    /** A search (explore, pct) is running: a stop request ends it as its time limit would. */
    private volatile boolean searching;
    /** Asked from another thread (the REPL's Ctrl-C): the running search ends after its current step. */
    private volatile boolean stopRequested;

    /** Limits of {@code callLimit} nested calls and {@code statementLimit} statements (0: none). */
    public GuestLimits(int callLimit, long statementLimit) {
        this.callLimit = callLimit;
        this.statementLimit = statementLimit <= 0 ? Long.MAX_VALUE : statementLimit;
        startSource();
    }

    /** The time limit of a search ran out while an execution was running guest code. */
    public static final class TimeLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeLimitReached() {
            super("the time limit ran out in the middle of an execution", null, false, false);
        }
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

    /**
     * Counts a call or a loop iteration: one decrement and one test in compiled code; true
     * every {@value #CHUNK} times, when the caller must {@link #refill}.
     */
    public boolean count() {
        return --chunkLeft < 0;
    }

    /**
     * The chunk is spent: takes the next one from the budget, after a look at the clock (a
     * search's time limit) and a safepoint poll (so that a context can be cancelled); throws
     * the statement-limit error at {@code location} when the budget is spent too.
     */
    @TruffleBoundary
    public void refill(Node location) {
        TruffleSafepoint.poll(location);
        if (System.nanoTime() > deadline || inExecution && stopRequested) {
            chunkLeft = CHUNK;
            throw new TimeLimitReached();
        }
        if (budgetLeft <= 0) {
            chunkLeft = Long.MAX_VALUE;   // the error unwinds through calls and loops: they count no further
            throw new HLException(statementLimitExceeded(), location);
        }
        String heap = HeapGuard.overLimit();
        if (heap != null) {
            chunkLeft = CHUNK;
            throw new HLException(heap, location);
        }
        long next = Math.min(CHUNK, budgetLeft);
        budgetLeft -= next;
        chunkLeft = next - 1;
    }

    /** A top-level source starts: the whole limit again. */
    public void startSource() {
        long first = Math.min(CHUNK, statementLimit);
        chunkLeft = first;
        budgetLeft = statementLimit - first;
    }

    /**
     * An execution of a scenario starts, with the whole limit and the search's deadline
     * ({@code System.nanoTime()}, or Long.MAX_VALUE); returns what the top level had left.
     */
    public long[] startExecution(long until) {
        long[] saved = {chunkLeft, budgetLeft};
        startSource();
        inExecution = true;
        deadline = until;
        return saved;
    }

    /** A search starts: from now until {@link #endSearch}, {@link #requestStop} ends it early. */
    public void beginSearch() {
        stopRequested = false;
        searching = true;
    }

    public void endSearch() {
        searching = false;
        stopRequested = false;
    }

    /** Ends the running search after its current step, keeping what it found; false when no search runs. */
    public boolean requestStop() {
        if (!searching) {
            return false;
        }
        stopRequested = true;
        return true;
    }

    /** A stop was asked for: the search ends as if its time limit had run out, and says it was stopped. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** The execution ended: the top level goes on with what it had left. */
    public void endExecution(long[] saved) {
        chunkLeft = saved[0];
        budgetLeft = saved[1];
        inExecution = false;
        deadline = Long.MAX_VALUE;
    }

    @TruffleBoundary
    public String overflowMessage() {
        return "stack overflow: guest calls nested deeper than " + callLimit
                + " (endless recursion?); raise the limit with --max-call-depth N (the hotlock.MaxCallDepth option)";
    }

    @TruffleBoundary
    private String statementLimitExceeded() {
        return (inExecution ? "an execution of the scenario" : "the script") + " ran more than " + statementLimit
                + " loop iterations and calls, its statement limit: an endless loop? Raise the limit with --statement-limit N (0: none)";
    }
}
