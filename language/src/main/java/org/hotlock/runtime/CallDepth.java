package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * How deeply guest calls are nested now, against the limit of a context. The count covers every
 * guest thread of the context together: they share the host thread's stack, one at a time.
 */
public final class CallDepth {
    private final int limit;
    private int depth;

    public CallDepth(int limit) {
        this.limit = limit;
    }

    /** Counts a guest call; true when it goes past the limit. */
    public boolean enter() {
        return ++depth > limit;
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

    @TruffleBoundary
    public String overflowMessage() {
        return "stack overflow: guest calls nested deeper than " + limit
                + " (endless recursion?); raise the limit with --max-call-depth N (the hotlock.MaxCallDepth option)";
    }
}
