package org.hotlock.sched;

import org.hotlock.kernel.Event;
import org.hotlock.kernel.FieldKey;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockMode;

import java.util.List;
import java.util.Objects;

/** One guest thread of an execution, as the scheduler runs it: what it would do next, and what it waits for. */
public final class Runner {
    final int id;
    final GuestThread thread;
    final Driver continuation;
    Event pending;
    KernelLock blockedOn;
    LockMode blockedMode;
    /** Blocked in a restarted sysfs write's wait, not in an acquire: waking it takes nothing. */
    boolean restarting;
    /** Its last failed trylock led straight to a restart: its waits for the lock are no steps. */
    boolean failedAndDidNothing;
    /** The step whose release ended its restarted write's wait (run as no step of its own), or -1. */
    int wokenBy = -1;
    /** A sysfs directory the thread waits to appear (a udev rule waiting for its uevent). */
    String waitingFor;
    /** A shared field the thread waits to change from {@link #awaitedValue} (wait_while). */
    FieldKey awaitedField;
    Object awaitedValue;
    /** The thread this one joins, until it ends. */
    Runner joining;
    List<String> blockedStack;
    Throwable failure;
    /** The fallback runtime's frame chain of this thread while it is not running. */
    Object frames;

    Runner(int id, GuestThread thread, Driver continuation) {
        this.id = id;
        this.thread = thread;
        this.continuation = continuation;
    }

    public boolean done() {
        return continuation.done();
    }

    public boolean enabled() {
        return !done() && blockedOn == null && waitingFor == null && (joining == null || joining.done())
                && (awaitedField == null || !Objects.equals(awaitedField.object().get(awaitedField.field()), awaitedValue));
    }

    public Event pending() {
        return pending;
    }

    public String name() {
        return thread.name();
    }
}
