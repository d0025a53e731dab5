package org.hotlock.embed;

import org.graalvm.polyglot.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario found, as plain Java values.
 *
 * @param mode       run, explore, pct or replay
 * @param executions how many executions ran
 * @param complete   false when a bound (preemptions, executions, time) cut the search short
 * @param clean      no failure and no finding
 * @param summary    the report's first lines, as the terminal shows them
 * @param failure    the failing execution, or null
 * @param findings   every distinct finding of the session so far
 */
public record Report(String mode, long executions, boolean complete, boolean clean, String summary, Failure failure, List<Finding> findings) {

    /**
     * @param kind     failure, deadlock or step_bound
     * @param category what an expectation calls it: bug, invariant, deadlock, error, step_bound
     * @param schedule the thread run at each step: {@code hotlock replay} reproduces it
     */
    public record Failure(String kind, String category, String message, String thread, List<String> stack, List<String> schedule) {
        static Failure of(Value v) {
            return v == null || v.isNull() ? null : new Failure(v.getMember("kind").asString(), v.getMember("category").asString(),
                    v.getMember("message").asString(), v.getMember("thread").isNull() ? null : v.getMember("thread").asString(),
                    strings(v.getMember("stack")), strings(v.getMember("schedule")));
        }
    }

    /**
     * @param kind     violation, cycle, guarded_cycle, race, deadlock, bug, warning, invariant, error
     * @param rule     the rule's name for a violation, else null
     * @param category what an expectation calls it: violation(R3), race(zone.present_pages), ...
     * @param count    how often it recurred
     */
    public record Finding(String kind, String rule, String category, String title, String report, long count) {
        static Finding of(Value v) {
            return new Finding(v.getMember("kind").asString(), v.getMember("rule").isNull() ? null : v.getMember("rule").asString(),
                    v.getMember("category").asString(), v.getMember("title").asString(), v.getMember("report").asString(),
                    v.getMember("count").asLong());
        }
    }

    static Report of(Value v) {
        List<Finding> findings = new ArrayList<>();
        Value f = v.getMember("findings");
        for (long i = 0; i < f.getArraySize(); i++) {
            findings.add(Finding.of(f.getArrayElement(i)));
        }
        return new Report(v.getMember("mode").asString(), v.getMember("executions").asLong(), v.getMember("complete").asBoolean(),
                v.getMember("clean").asBoolean(), v.getMember("summary").asString(), Failure.of(v.getMember("failure")), List.copyOf(findings));
    }

    private static List<String> strings(Value list) {
        List<String> r = new ArrayList<>();
        for (long i = 0; i < list.getArraySize(); i++) {
            r.add(list.getArrayElement(i).asString());
        }
        return List.copyOf(r);
    }
}
