package org.hotlock.sched;

/**
 * How one guest thread is run and suspended: as a {@code jdk.internal.vm.Continuation} on the
 * scheduler's own thread (the fast way, when the JVM exports jdk.internal.vm), or as a Truffle
 * thread handing a baton back and forth (when it does not, and the context may create
 * threads). The scheduler sees only this.
 */
interface Driver {
    /** Runs the guest thread until its next scheduling point or its end. */
    void resume();

    boolean done();

    /** Called on the guest thread at a scheduling point: hands control back to the scheduler. */
    void suspend();

    /** The execution ends with this thread unfinished: let it go. */
    void abandon();
}
