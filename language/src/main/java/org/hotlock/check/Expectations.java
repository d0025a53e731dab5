package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario says it expects: {@code clean}, or findings by category
 * ({@code violation(R3)}, {@code race(zone.present_pages)}, {@code cycle}, {@code guarded_cycle},
 * {@code deadlock}, {@code bug}, {@code invariant}, {@code warning}, {@code error},
 * {@code step_bound}). Met when the categories found are exactly those expected.
 */
public final class Expectations {
    private Expectations() {
    }

    /** Null when met; otherwise the difference, for the error message. */
    @TruffleBoundary
    public static String check(List<String> expected, List<String> found) {
        List<String> want = new ArrayList<>(expected);
        want.remove("clean");
        List<String> missing = new ArrayList<>(want);
        missing.removeAll(found);
        List<String> unexpected = new ArrayList<>(found);
        unexpected.removeAll(want);
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("the outcome differs from the expectation\n");
        sb.append("  expected: ").append(want.isEmpty() ? "clean" : String.join(", ", want)).append('\n');
        sb.append("  found:    ").append(found.isEmpty() ? "clean" : String.join(", ", found)).append('\n');
        if (!missing.isEmpty()) {
            sb.append("  - missing:    ").append(String.join(", ", missing)).append('\n');
        }
        if (!unexpected.isEmpty()) {
            sb.append("  + unexpected: ").append(String.join(", ", unexpected)).append('\n');
        }
        return sb.toString();
    }
}
