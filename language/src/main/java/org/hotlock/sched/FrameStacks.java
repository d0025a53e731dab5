package org.hotlock.sched;

import com.oracle.truffle.api.Truffle;

import java.lang.reflect.Field;

/**
 * Truffle's fallback (interpreter-only) runtime keeps the guest call stack in a thread-local
 * chain rather than on the host stack, so guest threads that take turns on one host thread
 * would see each other's frames in their stack traces. The scheduler swaps that chain at each
 * switch. The optimizing runtime walks the host stack, which continuations keep apart, and
 * needs nothing; neither does a runtime whose field cannot be reached.
 */
final class FrameStacks {
    private static final ThreadLocal<Object> CHAIN = find();

    private FrameStacks() {
    }

    @SuppressWarnings("unchecked")
    private static ThreadLocal<Object> find() {
        Object runtime = Truffle.getRuntime();
        if (!runtime.getClass().getName().equals("com.oracle.truffle.api.impl.DefaultTruffleRuntime")) {
            return null;
        }
        try {
            Field f = runtime.getClass().getDeclaredField("stackTraces");
            f.setAccessible(true);
            return (ThreadLocal<Object>) f.get(runtime);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Installs a guest thread's chain; returns the one it replaced. */
    static Object swap(Object chain) {
        if (CHAIN == null) {
            return null;
        }
        Object old = CHAIN.get();
        CHAIN.set(chain);
        return old;
    }
}
