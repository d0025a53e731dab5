package org.hotlock.launcher.progress;

import org.graalvm.polyglot.Value;

/**
 * One report of a search's progress, as the language publishes it to
 * {@code session.onProgress(fn)} (spec/embedding.md): the mode ({@code explore},
 * {@code pct-first}, {@code pct}), executions so far and their rate, the deepest execution
 * (scheduling points), the distinct findings, and {@code total}: for PCT the runs it will make
 * ({@code totalExact}), for an exploration its --max-executions bound.
 */
public record Progress(String mode, long executions, double perSecond, long depth, long findings, long total, boolean totalExact,
                       double elapsed, boolean done) {

    /** The language's {@code progress} struct, read member by member. */
    public static Progress of(Value v) {
        return new Progress(v.getMember("mode").asString(), v.getMember("executions").asLong(), v.getMember("per_second").asDouble(),
                v.getMember("depth").asLong(), v.getMember("findings").asLong(), v.getMember("total").asLong(),
                v.getMember("total_exact").asBoolean(), v.getMember("elapsed").asDouble(), v.getMember("done").asBoolean());
    }

    /** How far along, 0 to 1: of the runs for PCT, of the bound for an exploration. */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1, (double) executions / total);
    }

    /**
     * Seconds left, where an estimate is honest: PCT's runs are counted in advance and cost
     * alike, so the rest takes about as long per run as the runs so far; an exploration's
     * size is not known until it is over (its bound is no estimate), so it has none: -1.
     */
    public double secondsLeft() {
        return totalExact && perSecond > 0 ? (total - executions) / perSecond : -1;
    }
}
