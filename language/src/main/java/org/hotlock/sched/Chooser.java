package org.hotlock.sched;

import org.hotlock.kernel.Event;

/** Picks the thread to run at each scheduling point: a strategy, a replay, or the explorer. */
public interface Chooser {
    /** Returned to abandon the execution (the explorer knows it would only repeat another). */
    int ABANDON = -1;

    /**
     * @param step    the index of the step about to run
     * @param state   the threads, which are enabled, and what each would do next
     * @return the id of an enabled thread, or {@link #ABANDON}
     */
    int choose(int step, StateView state);

    /** Told of each event as it runs, with its thread: the explorer computes happens-before here. */
    default void executed(int step, Event event) {
    }

    /**
     * Told when a thread goes on past a wait that is no step of its own (a restarted sysfs
     * write's wait for the lock its trylock failed on): it goes on after {@code step}, the
     * release that ended the wait, and after all that came before it.
     */
    default void resumed(int thread, int step) {
    }

    /**
     * Told before a thread's step that reads a shared field once a wait_while has ended: the
     * read could not have gone before a write where the field held {@code value} (the thread
     * still waited there), though it could before one where the field held another.
     */
    default void awaited(int thread, Object value) {
    }
}
