package org.hotlock.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a search reports must not depend on the order its executions ran in. */
class FindingLogTest {

    private static Finding cycle(boolean guarded) {
        return guarded
                ? new Finding(Finding.Kind.GUARDED_CYCLE, null, "guarded_cycle", "guarded", "", List.of(), "guarded:a,b")
                : new Finding(Finding.Kind.CYCLE, null, "cycle", "cycle", "", List.of(), "cycle:a,b");
    }

    @Test
    void aGuardedCycleSupersededBeforeItIsPrintedIsForgotten() {
        FindingLog log = new FindingLog();
        log.add(cycle(true));
        log.supersede("guarded:a,b");
        log.add(cycle(false));
        assertEquals(List.of("cycle"), log.categories());
        assertEquals(1, log.unprinted().size());
    }

    @Test
    void aPrintedFindingStays() {
        FindingLog log = new FindingLog();
        log.add(cycle(true));
        assertEquals(1, log.unprinted().size());
        log.supersede("guarded:a,b");
        log.add(cycle(false));
        assertEquals(List.of("guarded_cycle", "cycle"), log.categories());
    }

    @Test
    void oneAnsweredForByAnExpectationStays() {
        FindingLog log = new FindingLog();
        log.add(cycle(true));
        log.mark();
        log.supersede("guarded:a,b");
        assertEquals(1, log.entries().size());
    }
}
