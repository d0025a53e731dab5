package org.hotlock.sched;

/**
 * Workers that explore subtrees of a search in parallel with it, each in a context of its
 * own (see {@link OptimalExplorer.Subtree}). The search hands a subtree over when a worker
 * waits for one and takes its exploration when its own depth-first order comes to it, as if
 * it had explored it there.
 */
public interface Delegation {
    /** Whether a worker waits for a subtree (and the workers have started). */
    boolean wanted();

    /** Hands a subtree to the workers. */
    void delegate(OptimalExplorer.Subtree subtree);

    /**
     * The subtree's exploration, waiting for it if a worker is under way; null when none has
     * been done (not started: then none will be).
     */
    OptimalExplorer.Explored take(OptimalExplorer.Subtree subtree);

    /** Applies what the checks found in an explored subtree, which the search takes. */
    void accept(OptimalExplorer.Explored explored);
}
