package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario file checked: its outcome, output, findings, failing schedule, lock graph. */
final class CheckResult {
    final Path file;
    /** Its path under the PATH it was found in (a file named as a PATH: its file name). */
    Path name;
    final int expectedExit;
    long seed;
    int exitCode;
    double seconds;
    String output = "";
    final List<Map<String, Object>> findings = new ArrayList<>();
    Map<String, Object> report;
    LockGraphData graph = new LockGraphData();

    CheckResult(Path file, int expectedExit) {
        this.file = file;
        this.expectedExit = expectedExit;
    }

    /** The expectations an incomplete search could not settle, each as its message. */
    final List<String> inconclusive = new ArrayList<>();

    /** A check's verdict on a scenario: inconclusive is neither a pass nor a failure (spec/ci.md). */
    enum Status { PASSED, FAILED, INCONCLUSIVE }

    boolean passed() {
        return exitCode == expectedExit;
    }

    Status status() {
        return passed() ? Status.PASSED : exitCode == ExitCodes.INCONCLUSIVE ? Status.INCONCLUSIVE : Status.FAILED;
    }

    /** What the context knows, copied out before it closes. */
    void collect(Context context) {
        inconclusive.addAll(strings(context.eval("hotlock", "inconclusive_expectations()")));
        Value f = context.eval("hotlock", "findings()");
        for (long i = 0; i < f.getArraySize(); i++) {
            findings.add(finding(f.getArrayElement(i)));
        }
        Value r = context.eval("hotlock", "last_report()");
        if (!r.isNull()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", r.getMember("mode").asString());
            m.put("executions", r.getMember("executions").asLong());
            m.put("complete", r.getMember("complete").asBoolean());
            m.put("summary", r.getMember("summary").asString());
            Value failure = r.getMember("failure");
            if (!failure.isNull()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("category", failure.getMember("category").asString());
                fm.put("message", failure.getMember("message").asString());
                fm.put("thread", failure.getMember("thread").isNull() ? null : failure.getMember("thread").asString());
                fm.put("stack", strings(failure.getMember("stack")));
                fm.put("schedule", strings(failure.getMember("schedule")));
                List<Object> steps = new ArrayList<>();
                Value st = failure.getMember("steps");
                for (long i = 0; i < st.getArraySize(); i++) {
                    steps.add(List.of(st.getArrayElement(i).getArrayElement(0).asString(), st.getArrayElement(i).getArrayElement(1).asString()));
                }
                fm.put("steps", steps);
                m.put("failure", fm);
            }
            report = m;
        }
        graph = LockGraphData.of(context);
    }

    private static Map<String, Object> finding(Value v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", v.getMember("kind").asString());
        m.put("rule", v.getMember("rule").isNull() ? null : v.getMember("rule").asString());
        m.put("category", v.getMember("category").asString());
        m.put("title", v.getMember("title").asString());
        m.put("count", v.getMember("count").asLong());
        m.put("stacks", strings(v.getMember("stacks")));
        m.put("report", v.getMember("report").asString());
        return m;
    }

    static List<String> strings(Value list) {
        List<String> r = new ArrayList<>();
        for (long i = 0; i < list.getArraySize(); i++) {
            r.add(list.getArrayElement(i).asString());
        }
        return r;
    }
}
