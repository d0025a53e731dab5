package org.hotlock.kernel;

import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLFunction;

/**
 * What the kernel needs from whatever runs guest threads one at a time: a scheduling point
 * before every visible step, a way to wait for a lock or a sysfs directory, and threads to
 * start and join. The scheduler implements it and attaches itself to the kernel for the length
 * of an execution; with none attached the kernel runs single-threaded.
 */
public interface ThreadScheduler extends LockWaiter {
    /** The running thread is about to perform this step: other threads may run first. */
    void point(Event.Kind kind, Object object, boolean write, Object detail);

    /** Starts a guest thread running the function; returns its handle for {@link #join}. */
    Object spawn(HLFunction body);

    /**
     * Starts a guest thread running the function on the arguments: the worker of work queued
     * at {@code location}, whose run is a kernel operation (null: an ordinary thread).
     */
    Object spawn(HLFunction body, Object[] arguments, Node location);

    /** Waits until the thread of the handle has ended. */
    void join(Object handle, Node location);

    /** Blocks the running thread until a device directory that is the path, or holds it, appears. */
    void waitForDirectory(String path, Node location);

    /** Blocks the running thread until the shared field no longer holds the value; returns having read it. */
    void waitWhile(FieldKey field, Object value, Node location);

    /** A device's sysfs directory appeared: threads waiting for it can run again. */
    void directoryAdded(String directory);

    /** Whether a guest thread of an execution is running now (not the script between executions). */
    boolean running();
}
