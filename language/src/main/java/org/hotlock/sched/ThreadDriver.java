package org.hotlock.sched;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.nodes.ControlFlowException;

import java.util.concurrent.Semaphore;

/**
 * A guest thread as a Truffle thread that runs only while it holds the baton: the portable
 * way, for JVMs that do not export jdk.internal.vm. Slower (microseconds a switch), the same
 * schedules.
 */
final class ThreadDriver implements Driver {
    /** Unwinds an abandoned guest thread: guest code cannot catch it. */
    private static final class Abandoned extends ControlFlowException {
        private static final long serialVersionUID = 1L;
    }

    private final Semaphore go = new Semaphore(0);
    private final Semaphore back = new Semaphore(0);
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean abandoned;
    private boolean started;

    ThreadDriver(TruffleLanguage.Env env, Runnable body) {
        this.thread = env.newTruffleThreadBuilder(() -> {
            try {
                acquire(go);
                if (!abandoned) {
                    body.run();
                }
            } catch (Abandoned e) {
                // the execution ended without this thread
            } finally {
                done = true;
                back.release();
            }
        }).build();
        thread.setDaemon(true);
    }

    private static void acquire(Semaphore s) {
        TruffleSafepoint.setBlockedThreadInterruptible(null, Semaphore::acquire, s);
    }

    @Override
    public void resume() {
        if (!started) {
            started = true;
            thread.start();
        }
        go.release();
        acquire(back);
        if (done) {
            join();
        }
    }

    /** Waits until the finished thread is gone: a context closes only without live threads. */
    private void join() {
        TruffleSafepoint.setBlockedThreadInterruptible(null, Thread::join, thread);
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public void suspend() {
        back.release();
        acquire(go);
        if (abandoned) {
            throw new Abandoned();
        }
    }

    @Override
    public void abandon() {
        if (done) {
            return;
        }
        abandoned = true;
        if (!started) {
            started = true;
            thread.start();
        }
        go.release();
        acquire(back);
        join();
    }
}
