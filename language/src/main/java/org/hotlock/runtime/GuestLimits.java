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
    /** The chunk while a statement-limit error unwinds: calls and loops count no further. */
    private static final long UNWINDING = Integer.MAX_VALUE;

    private final int callLimit;
    private final long statementLimit;
    /**
     * The two counts of the hot path in one word, so that a call costs one read-modify-write
     * of it on entry and one on return: the loop iterations and calls left in the current
     * chunk times 2^32, plus the calls that may still nest ({@code callLimit - depth}). A call
     * takes {@code 2^32 + 1}, its return gives 1 back, a loop iteration takes 2^32. The word
     * is negative once the chunk is spent, and its low half once the calls nest too deeply.
     */
    private long gauge;
    private static final long ONE_STATEMENT = 1L << 32;
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
        this.gauge = callLimit;
        startSource();
    }

    /** The time limit of a search ran out while an execution was running guest code. */
    public static final class TimeLimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeLimitReached() {
            super("the time limit ran out in the middle of an execution", null, false, false);
        }
    }

    /**
     * Counts a guest call, against both the call depth and the statement limit: one
     * subtraction and two tests in compiled code. True when the caller must go to
     * {@link #enterSlowly}: the chunk is spent or the calls nest too deeply.
     */
    public boolean enter() {
        long g = gauge - ONE_STATEMENT - 1;
        gauge = g;
        return g < 0 || (int) g < 0;
    }

    /**
     * After {@link #enter} said so: refills the chunk (see {@link #refill}) and throws the
     * call-depth error when the calls nest too deeply, undoing the call's count first.
     */
    @TruffleBoundary
    public void enterSlowly(Node location) {
        if (room() < 0) {
            exit();
            throw new HLException(overflowMessage(), location);
        }
        if (chunkLeft() < 0) {
            try {
                refill(location);
            } catch (RuntimeException e) {
                exit();   // the call does not happen
                throw e;
            }
        }
    }

    /** A guest call returns (also when it ends by an error). */
    public void exit() {
        gauge++;
    }

    /** The calls that may still nest: {@code callLimit - depth}, the low half of the gauge. */
    private int room() {
        return (int) gauge;
    }

    private long chunkLeft() {
        return (gauge - room()) >> 32;
    }

    private void setChunkLeft(long chunk) {
        gauge = (chunk << 32) + room();
    }

    /** The guest call depth now: the scheduler restores it when an execution ends. */
    public int current() {
        return callLimit - room();
    }

    /**
     * Back to a depth saved before: guest threads an execution leaves unfinished (deadlocked,
     * cut off by a sleep set or the step bound) never return from their calls.
     */
    public void restore(int saved) {
        gauge = (chunkLeft() << 32) + (callLimit - saved);
    }

    /**
     * Counts a loop iteration: one subtraction and one test in compiled code; true every
     * {@value #CHUNK} times, when the caller must {@link #refill}.
     */
    public boolean count() {
        long g = gauge - ONE_STATEMENT;
        gauge = g;
        return g < 0;
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
            setChunkLeft(CHUNK);
            throw new TimeLimitReached();
        }
        if (budgetLeft <= 0) {
            setChunkLeft(UNWINDING);   // the error unwinds through calls and loops: they count no further
            throw new HLException(statementLimitExceeded(), location);
        }
        String heap = HeapGuard.overLimit();
        if (heap != null) {
            setChunkLeft(CHUNK);
            throw new HLException(heap, location);
        }
        long next = Math.min(CHUNK, budgetLeft);
        budgetLeft -= next;
        setChunkLeft(next - 1);
    }

    /** A top-level source starts: the whole limit again. */
    public void startSource() {
        long first = Math.min(CHUNK, statementLimit);
        setChunkLeft(first);
        budgetLeft = statementLimit - first;
    }

    /**
     * An execution of a scenario starts, with the whole limit and the search's deadline
     * ({@code System.nanoTime()}, or Long.MAX_VALUE); returns what the top level had left.
     */
    public long[] startExecution(long until) {
        long[] saved = {chunkLeft(), budgetLeft};
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
        setChunkLeft(saved[0]);
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
