package org.hotlock.scenario;

/**
 * Where the subtrees of one exploration go when other processes help with it (explore
 * --cluster): the host's side, kept out of the language (the launcher's is a Hazelcast
 * cluster). Subtrees and results are bytes (see {@link ClusterWorkers}); a ticket names a
 * subtree handed over until its exploration is taken. Every method may be called from any of
 * the member's threads, and those the search calls after each execution must be cheap.
 */
public interface SubtreeExchange {
    /** A subtree claimed by this member: its ticket and its bytes. */
    record Claimed(long ticket, byte[] subtree) {
    }

    /** Whether a member waits for a subtree that none waits for yet (read after each execution). */
    boolean wanted();

    /** Hands a subtree over to whichever member claims it; its ticket. */
    long offer(byte[] subtree);

    /** Takes back a subtree no member has started (then none will): false when one has. */
    boolean takeBack(long ticket);

    /** The exploration of a subtree handed over, once a member has done it; null until then. */
    byte[] result(long ticket);

    /** The search gives a subtree up (its result will not be taken): the member exploring it may stop. */
    void cancel(long ticket);

    /** The next subtree waiting, claimed for this member; null when none waits. */
    Claimed claim();

    /** The exploration of a subtree this member claimed. */
    void complete(long ticket, byte[] explored);

    /** Whether a subtree this member explores is no longer wanted (given up, or the search has ended). */
    boolean cancelled(long ticket);

    /** This member waits for a subtree (true) or has one (false): what {@link #wanted()} counts. */
    void idle(boolean waiting);

    /** Whether the search has ended: a serving member stops. */
    boolean ended();
}
