package org.hotlock.sched;

/**
 * What a scenario came to, for a caller to read (the REPL, an embedder, {@code last_report()}):
 * the mode, the failing execution if one failed, how many executions ran, whether the search
 * was complete, and the summary line that was printed.
 */
public record ScenarioReport(Mode mode, Outcome failure, long executions, boolean complete, String summary) {

    /** One schedule, every schedule that matters, PCT runs, or a saved schedule. */
    public enum Mode { RUN, EXPLORE, PCT, REPLAY }
}
