package org.hotlock.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The call depth and the statement budget share one word on the hot path: each must still
 * count as if it had its own.
 */
class GuestLimitsTest {

    /** Enters a call as FunctionBodyNode does: the fast test, then the slow path when it says so. */
    private static void call(GuestLimits limits) {
        if (limits.enter()) {
            limits.enterSlowly(null);
        }
    }

    @Test
    void theCallDepthLimitAllowsExactlyItsNumberOfNestedCalls() {
        GuestLimits limits = new GuestLimits(3, 0);
        call(limits);
        call(limits);
        call(limits);
        assertEquals(3, limits.current());
        HLException e = assertThrows(HLException.class, () -> call(limits));
        assertTrue(e.getMessage().contains("nested deeper than 3"), e.getMessage());
        assertEquals(3, limits.current(), "the refused call is not counted as nested");
        limits.exit();
        limits.exit();
        call(limits);
        assertEquals(2, limits.current());
    }

    @Test
    void callsAndLoopIterationsTogetherSpendTheStatementBudgetAcrossChunks() {
        // more than one chunk (4096), so refills happen with calls nested
        GuestLimits limits = new GuestLimits(100, 10_000);
        int spent = 0;
        HLException error = null;
        try {
            for (int i = 0; i < 20_000; i++) {
                if (i % 3 == 0) {
                    call(limits);
                    limits.exit();
                } else if (limits.count()) {
                    limits.refill(null);
                }
                spent++;
            }
        } catch (HLException e) {
            error = e;
        }
        assertTrue(error != null && error.getMessage().contains("ran more than 10000"), String.valueOf(error));
        assertEquals(10_000, spent, "every call and iteration up to the limit runs, and not one more");
        assertEquals(0, limits.current(), "the call refused by the limit is not left counted as nested");
    }

    @Test
    void aDepthRestoredAfterAnExecutionKeepsTheBudgetItHad() {
        GuestLimits limits = new GuestLimits(50, 5_000);
        call(limits);
        int depth = limits.current();
        long[] saved = limits.startExecution(Long.MAX_VALUE);
        for (int i = 0; i < 10; i++) {
            call(limits);   // a guest thread left unfinished: its calls never return
        }
        limits.restore(depth);
        limits.endExecution(saved);
        assertEquals(1, limits.current());
        // the top level had 5 000 - 1 left: 4 999 more, then the error
        int more = 0;
        try {
            while (true) {
                if (limits.count()) {
                    limits.refill(null);
                }
                more++;
            }
        } catch (HLException e) {
            assertTrue(e.getMessage().contains("the script ran more than 5000"), e.getMessage());
        }
        assertEquals(4_999, more);
        assertEquals(1, limits.current());
    }

    @Test
    void theDeepestAllowedDepthWorksWithTheLargestLimit() {
        GuestLimits limits = new GuestLimits(Integer.MAX_VALUE, 0);
        for (int i = 0; i < 10_000; i++) {
            call(limits);
        }
        assertEquals(10_000, limits.current());
        limits.restore(Integer.MAX_VALUE - 1);
        call(limits);
        assertThrows(HLException.class, () -> call(limits));
        assertEquals(Integer.MAX_VALUE, limits.current());
    }
}
