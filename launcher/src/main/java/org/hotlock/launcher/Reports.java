package org.hotlock.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reports of {@code hotlock check}: JSON, DOT, the sequence picture (JUnit XML and SARIF have classes of their own). */
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
            m.put("expected_exit_code", r.expectedExit);
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
        StringBuilder sb = new StringBuilder("exit code " + r.exitCode + ", expected " + r.expectedExit);
        if (r.report != null && r.report.get("failure") instanceof Map<?, ?> f) {
            sb.append(": ").append(String.valueOf(f.get("message")).lines().findFirst().orElse(""));
        } else if (!r.findings.isEmpty()) {
            sb.append(": ").append(r.findings.getFirst().get("title"));
        }
        return sb.append(" -- reproduce: ").append(CheckCommand.reproduce(r)).toString();
    }

    /** The lock dependency graph of every file that has one, a cluster each (see LockGraphData). */
    static String dot(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder(LockGraphData.HEADER);
        int cluster = 0;
        for (CheckResult r : results) {
            if (!r.graph.edges.isEmpty()) {
                r.graph.cluster(sb, cluster++, r.file.toString());
            }
        }
        return sb.append("}\n").toString();
    }

    /** The failing interleaving as a picture: a lifeline per thread, a row per step. */
    @SuppressWarnings("unchecked")
    static String sequenceSvg(CheckResult r) {
        Map<String, Object> failure = (Map<String, Object>) r.report.get("failure");
        List<List<String>> steps = (List<List<String>>) (List<?>) failure.get("steps");
        List<String> threads = new ArrayList<>();
        for (List<String> s : steps) {
            if (!threads.contains(s.get(0))) {
                threads.add(s.get(0));
            }
        }
        int col = 430;
        int row = 18;
        int width = 60 + col * threads.size();
        int height = 90 + row * steps.size() + 40;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"monospace\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"10\" y=\"20\" font-weight=\"bold\">").append(xml(r.file.toString())).append(": ")
                .append(xml(String.valueOf(failure.get("message")).lines().findFirst().orElse(""))).append("</text>\n");
        for (int t = 0; t < threads.size(); t++) {
            int x = 50 + t * col;
            sb.append("<text x=\"").append(x).append("\" y=\"55\" font-weight=\"bold\">").append(xml(threads.get(t))).append("</text>\n");
            sb.append("<line x1=\"").append(x - 8).append("\" y1=\"62\" x2=\"").append(x - 8).append("\" y2=\"").append(height - 30)
                    .append("\" stroke=\"#999\"/>\n");
        }
        for (int i = 0; i < steps.size(); i++) {
            int t = threads.indexOf(steps.get(i).get(0));
            String what = steps.get(i).get(1);
            String colour = what.startsWith("write") ? "#b00" : what.startsWith("read") ? "#05a" : what.startsWith("lock") || what.startsWith("unlock") || what.startsWith("trylock") ? "#070" : "#333";
            int y = 80 + i * row;
            sb.append("<text x=\"10\" y=\"").append(y).append("\" fill=\"#999\">").append(i).append("</text>\n");
            sb.append("<text x=\"").append(50 + t * col).append("\" y=\"").append(y).append("\" fill=\"").append(colour).append("\">")
                    .append(xml(what.length() > 60 ? what.substring(0, 57) + "..." : what)).append("</text>\n");
        }
        sb.append("<text x=\"10\" y=\"").append(height - 10).append("\" fill=\"#b00\">")
                .append(xml(String.valueOf(failure.get("category")))).append(" after step ").append(steps.size() - 1).append("</text>\n");
        return sb.append("</svg>\n").toString();
    }

    private static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append(' ');
                    } else if (c == 0x1b) {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
