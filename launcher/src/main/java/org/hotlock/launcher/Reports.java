package org.hotlock.launcher;

import org.hotlock.launcher.picture.SequencePicture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reports of {@code hotlock check}: JSON and the sequence picture (JUnit XML and SARIF have classes of their own). */
final class Reports {
    private Reports() {
    }

    static String json(List<CheckResult> results) {
        List<Object> files = new ArrayList<>();
        for (CheckResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", r.file.toString());
            m.put("status", r.status().name().toLowerCase());
            m.put("passed", r.passed());
            m.put("exit_code", r.exitCode);
            m.put("expected_exit_code", r.expectedExit < 0 ? null : r.expectedExit);   // null: the header is no exit code
            m.put("seconds", r.seconds);
            m.put("scenario", r.report);
            m.put("findings", r.findings);
            m.put("lock_cycles", r.graph.cycles);
            m.put("inconclusive", r.inconclusive);
            files.add(m);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("tool", "hotlock");
        top.put("passed", results.stream().filter(CheckResult::passed).count());
        top.put("failed", results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).count());
        top.put("inconclusive", results.stream().filter(r -> r.status() == CheckResult.Status.INCONCLUSIVE).count());
        top.put("scenarios", files);
        return Json.write(top);
    }

    /** The first thing an incomplete search could not settle, and how to settle it. */
    static String inconclusiveMessage(CheckResult r) {
        String first = r.inconclusive.isEmpty() ? "an incomplete search could not settle an expectation"
                : r.inconclusive.getFirst().lines().findFirst().orElse("");
        return "inconclusive: " + first + " -- settle it with a complete search: bin/hotlock explore " + r.file;
    }

    static String failureMessage(CheckResult r) {
        StringBuilder sb = new StringBuilder(r.expectedExit < 0
                ? "its // expect-exit header is not an exit code (0 to 255); the run exited " + r.exitCode
                : "exit code " + r.exitCode + ", expected " + r.expectedExit);
        if (r.report != null && r.report.get("failure") instanceof Map<?, ?> f) {
            sb.append(": ").append(String.valueOf(f.get("message")).lines().findFirst().orElse(""));
        } else if (!r.findings.isEmpty()) {
            sb.append(": ").append(r.findings.getFirst().get("title"));
        }
        return sb.append(" -- reproduce: ").append(CheckCommand.reproduce(r)).toString();
    }

    /** The failing interleaving as a sequence picture. */
    @SuppressWarnings("unchecked")
    static String sequenceSvg(CheckResult r) {
        Map<String, Object> failure = (Map<String, Object>) r.report.get("failure");
        List<SequencePicture.Step> steps = new ArrayList<>();
        for (List<String> s : (List<List<String>>) failure.get("steps")) {
            steps.add(new SequencePicture.Step(s.get(0), s.get(1)));
        }
        return new SequencePicture(r.file.toString(), String.valueOf(failure.get("category")), String.valueOf(failure.get("message")), steps).svg();
    }
}
