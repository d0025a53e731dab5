package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario says it expects: {@code clean}, or findings by category
 * ({@code violation(R3)}, {@code race(zone.present_pages)}, {@code cycle}, {@code guarded_cycle},
 * {@code deadlock}, {@code bug}, {@code invariant}, {@code warning}, {@code error},
 * {@code step_bound}). Met when the categories found are exactly those expected.
 * <p>
 * "Exactly" says that nothing else happens, and {@code clean} that nothing does: only a search
 * that saw every schedule can show that. After an incomplete one (a bound, a limit, PCT) an
 * expected finding that was found is confirmed, an unexpected one fails the expectation, and
 * the rest is inconclusive.
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

    /**
     * After an incomplete search ({@code why}): the message saying what could not be settled,
     * or null when something unexpected was found (the difference {@link #check} gives stands).
     */
    @TruffleBoundary
    public static String inconclusive(List<String> expected, List<String> found, String why) {
        List<String> want = new ArrayList<>(expected);
        want.remove("clean");
        List<String> unexpected = new ArrayList<>(found);
        unexpected.removeAll(want);
        if (!unexpected.isEmpty()) {
            return null;
        }
        List<String> confirmed = new ArrayList<>(want);
        confirmed.retainAll(found);
        List<String> missing = new ArrayList<>(want);
        missing.removeAll(found);
        StringBuilder sb = new StringBuilder("expectation inconclusive: ").append(why)
                .append(": it cannot show that something does not happen\n");
        sb.append("  expected:      ").append(want.isEmpty() ? "clean" : String.join(", ", want)).append('\n');
        if (!confirmed.isEmpty()) {
            sb.append("  confirmed:     ").append(String.join(", ", confirmed)).append(" (found)\n");
        }
        if (!missing.isEmpty()) {
            sb.append("  not found:     ").append(String.join(", ", missing)).append(" (not in the schedules it ran)\n");
        }
        sb.append("  not confirmed: ").append(want.isEmpty() ? "clean (no finding in the schedules it ran)" : "that nothing else is found").append('\n');
        return sb.toString();
    }
}
