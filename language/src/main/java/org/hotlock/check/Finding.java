package org.hotlock.check;

import java.util.List;

/**
 * One distinct thing a check found: a rule violation, a lock-order cycle (guarded or not), a
 * recursive acquire or a bad unlock balance (as lockdep reports them), a data race, a deadlock, a kernel BUG or WARNING, a broken invariant. {@code key} identifies
 * it for de-duplication (rule, locks, stacks); {@code category} is what expectations name.
 */
public record Finding(Kind kind, String rule, String category, String title, String report, List<String> stacks, String key) {

    public enum Kind { VIOLATION, CYCLE, GUARDED_CYCLE, RECURSIVE_LOCKING, BAD_UNLOCK, RACE, DEADLOCK, BUG, WARNING, INVARIANT, ERROR }

    /** Another occurrence of a finding a search's log has already (a worker's record of it carries nothing else). */
    static Finding known(String key) {
        return new Finding(Kind.ERROR, null, null, null, null, List.of(), key);
    }

    /** How a script's expectation names this finding: violation(R3), race(zone.present_pages), ... */
    public String category() {
        return category;
    }
}
