package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario says it expects: {@code clean}, or findings by category
 * ({@code violation(R3)}, {@code race(zone.present_pages)}, {@code cycle}, {@code guarded_cycle},
 * {@code deadlock}, {@code bug}, {@code invariant}, {@code warning}, {@code error},
 * {@code step_bound}). Met when the categories found are exactly those expected
 * ({@code violation(R4)} standing for its clauses, {@code violation(R4a)}, {@code violation(R4b)}).
 * <p>
 * "Exactly" says that nothing else happens, and {@code clean} that nothing does: only a search
 * that saw every schedule can show that. After an incomplete one (a bound, a limit, PCT) an
 * expected finding that was found is confirmed, an unexpected one fails the expectation, and
 * the rest is inconclusive.
 */
public final class Expectations {
    private Expectations() {
    }

    /**
     * Whether an expected category answers for a found one: the same, or the expected one
     * names a rule whose clauses are rules of their own, {@code violation(R4)} for
     * {@code violation(R4a)} and {@code violation(R4b)} (a rule name ending in a digit, and the
     * clause's name that plus one lower-case letter). So scenarios written when R4 was one rule
     * keep their meaning.
     */
    public static boolean answers(String expected, String found) {
        if (expected.equals(found)) {
            return true;
        }
        String prefix = "violation(";
        if (!expected.startsWith(prefix) || !found.startsWith(prefix) || !expected.endsWith(")") || !found.endsWith(")")) {
            return false;
        }
        String rule = expected.substring(prefix.length(), expected.length() - 1);
        String clause = found.substring(prefix.length(), found.length() - 1);
        return !rule.isEmpty() && Character.isDigit(rule.charAt(rule.length() - 1)) && clause.length() == rule.length() + 1
                && clause.startsWith(rule) && clause.charAt(rule.length()) >= 'a' && clause.charAt(rule.length()) <= 'z';
    }

    /** The categories of {@code these} that no category of {@code others} answers for (expected ones) or is answered by (found ones). */
    static List<String> unanswered(List<String> these, List<String> others, boolean theseAreExpected) {
        List<String> result = new ArrayList<>();
        for (String c : these) {
            boolean matched = false;
            for (String o : others) {
                matched |= theseAreExpected ? answers(c, o) : answers(o, c);
            }
            if (!matched) {
                result.add(c);
            }
        }
        return result;
    }

    /** The expected categories that no found one answers; for the replay of a search's failure. */
    @TruffleBoundary
    public static List<String> notFound(List<String> expected, List<String> found) {
        return unanswered(expected, found, true);
    }

    /** Null when met; otherwise the difference, for the error message. */
    @TruffleBoundary
    public static String check(List<String> expected, List<String> found) {
        List<String> want = new ArrayList<>(expected);
        want.remove("clean");
        List<String> missing = unanswered(want, found, true);
        List<String> unexpected = unanswered(found, want, false);
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
        List<String> unexpected = unanswered(found, want, false);
        if (!unexpected.isEmpty()) {
            return null;
        }
        List<String> missing = unanswered(want, found, true);
        List<String> confirmed = new ArrayList<>(want);
        confirmed.removeAll(missing);
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
