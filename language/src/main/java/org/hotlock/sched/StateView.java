package org.hotlock.sched;

import org.hotlock.kernel.Event;

/** What a chooser sees at a scheduling point: the threads, which can run, and what each would do next. */
public interface StateView {
    int threadCount();

    boolean enabled(int id);

    /** How many threads can run here. */
    int enabledCount();

    /** The k-th of the threads that can run ({@code 0 <= k < enabledCount()}), in the order of their ids. */
    int enabledId(int k);

    boolean done(int id);

    /** The step the thread would take next, as it would run now. */
    Event pending(int id);

    String name(int id);

    /** The thread that ran the step before, or -1. */
    int previous();
}
