package org.hotlock.sched;

import java.util.function.Consumer;

/**
 * Hands every execution an exploration runs to an observer, when one is set: how the tests
 * check that each Mazurkiewicz trace is run once. Nothing is observed otherwise.
 */
public final class ExecutionLog {
    private static volatile Consumer<Outcome> observer;

    private ExecutionLog() {
    }

    /** Observes the executions of explorations started until the returned handle is closed. */
    public static AutoCloseable observe(Consumer<Outcome> consumer) {
        observer = consumer;
        return () -> observer = null;
    }

    /** Called by the scenario runner with each execution of an exploration. */
    public static Outcome seen(Outcome outcome) {
        Consumer<Outcome> o = observer;
        if (o != null) {
            o.accept(outcome);
        }
        return outcome;
    }
}
