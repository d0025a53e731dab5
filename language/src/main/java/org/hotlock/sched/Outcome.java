package org.hotlock.sched;

import org.hotlock.kernel.Event;

import java.util.List;

/**
 * How one execution ended. A failure carries what failed, the thread and its guest stack,
 * and the whole interleaving (events and the schedule that replays it).
 */
public record Outcome(Kind kind, String message, String thread, List<String> stack, List<Event> trace,
                      List<String> threadNames, List<Integer> schedule) {

    public enum Kind {
        /** Every thread finished and the invariants held. */
        CLEAN,
        /** The explorer abandoned it: it could only repeat an execution already explored. */
        ABANDONED,
        /** A guest error: a kernel BUG, a broken invariant, an error in a thread. */
        FAILURE,
        /** Every live thread was blocked. */
        DEADLOCK,
        /** The execution took more steps than its bound. */
        STEP_BOUND,
        /** The scenario's time limit ran out during the execution (not a failure of the kernel). */
        TIME_BOUND
    }

    /** What an expectation calls this outcome: bug, invariant, deadlock, step_bound, error; null when clean. */
    public String category() {
        return switch (kind) {
            case DEADLOCK -> "deadlock";
            case STEP_BOUND -> "step_bound";
            case FAILURE -> message.contains("kernel BUG at") ? "bug" : message.contains("kernel invariant broken") ? "invariant" : "error";
            default -> null;
        };
    }

    public boolean failed() {
        return kind == Kind.FAILURE || kind == Kind.DEADLOCK || kind == Kind.STEP_BOUND;
    }

    /** The schedule as thread names, one per step: what a trace file stores. */
    public List<String> scheduleNames() {
        return schedule.stream().map(threadNames::get).toList();
    }
}
