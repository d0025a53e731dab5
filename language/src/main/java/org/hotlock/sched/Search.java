package org.hotlock.sched;

import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** An exploration: runs executions, choosing at each of their scheduling points, until it is done. */
public interface Search extends Chooser {
    /**
     * Explores until every schedule the search needs has run, a failure is found, or the
     * execution budget is used up.
     *
     * @param execution runs one execution from the initial state with this search choosing
     */
    Explorer.Result explore(Supplier<Outcome> execution, long maxExecutions, LongConsumer progress);

    /** The most scheduling points an execution has had so far (what the progress line shows as depth). */
    int maxDepth();
}
