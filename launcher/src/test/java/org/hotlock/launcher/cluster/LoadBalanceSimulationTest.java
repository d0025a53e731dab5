package org.hotlock.launcher.cluster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The simulated cluster on trees small enough to work out by hand. */
class LoadBalanceSimulationTest {
    @Test
    void fourEqualBranchesOfTheRootOnTwoMembers() {
        // four executions that share nothing: the root's four branches, 10 steps each
        LoadBalanceSimulation sim = new LoadBalanceSimulation(new int[]{0, 0, 0, 0}, new int[]{10, 10, 10, 10});
        assertArrayEquals(new long[]{40, 40, 0}, sim.run(1));
        // the first member hands the second branch over at once, and the fourth when the other is done
        assertArrayEquals(new long[]{20, 40, 2}, sim.run(2));
    }

    @Test
    void aDeepBranchIsSplitBelowItsRoot() {
        // the root's one branch: a state at depth 5 with three branches (executions 0, 1, 2), then
        // the root's second branch (execution 3): a second member takes the root's second branch
        // first (the shallowest), then a third a branch at depth 5
        int[] shared = {0, 5, 5, 0};
        int[] steps = {10, 10, 10, 10};
        LoadBalanceSimulation sim = new LoadBalanceSimulation(shared, steps);
        assertEquals(3, sim.firstLeaving(1, 0));
        assertEquals(1, sim.firstLeaving(1, 5));
        assertEquals(4, sim.firstLeaving(4, 0));
        long[] three = sim.run(3);
        assertEquals(40, three[1]);
        assertEquals(20, three[0]);
    }
}
