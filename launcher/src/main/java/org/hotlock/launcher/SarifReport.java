package org.hotlock.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code check --sarif}: SARIF 2.1.0 for code scanning (spec/ci.md, Reports). A result is
 * located where the user's scenario led to it (the innermost frame in the scenario file); the
 * kernel-model frames are its related locations and its code flows; its fingerprint is a
 * SHA-256 of what identifies the finding, not of where the models happen to have it.
 */
final class SarifReport {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String SOURCE_ROOT = "%SRCROOT%";
    static final String MODELS = "HOTLOCK_MODELS";
    static final String FINGERPRINT = "hotlock/v2";

    /** A guest frame as the findings print it: {@code function (file:line)}. */
    private static final Pattern FRAME = Pattern.compile("^(.*) \\((.+):(\\d+)\\)$");

    private record Frame(String function, String file, int line) {
    }

    /** One thread's (or one lock dependency's) call path, innermost frame first. */
    private record CallPath(String label, List<Frame> frames) {
    }

    private final Path root;
    private final String modelsUri;

    /** {@code root}: the directory user files are relative to; {@code modelsUri}: where the kernel models are. */
    SarifReport(Path root, String modelsUri) {
        this.root = root.toAbsolutePath().normalize();
        this.modelsUri = modelsUri;
    }

    /** The repository the working directory is in (the nearest directory up with a .git), else the working directory. */
    static Path sourceRoot() {
        Path here = Path.of("").toAbsolutePath().normalize();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return here;
    }

    /** Where the shipped models are: the language's jar (or classes directory), as a URI ending in '/'. */
    static String modelsUri() {
        try {
            URI location = org.hotlock.sched.TraceFile.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            String s = location.toString();
            return s.endsWith("/") ? s : "jar:" + s + "!/";
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    String write(List<CheckResult> results, String version) {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        List<Object> sarifResults = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (CheckResult r : results) {
            for (Map<String, Object> f : r.findings) {
                Map<String, Object> result = result(r, f, rules);
                // the identity names functions, not lines (an edit elsewhere keeps it): two
                // findings in one function that differ only by line are told apart by their
                // order, as code scanning does for its line hashes
                String fp = (String) ((Map<?, ?>) result.get("partialFingerprints")).get(FINGERPRINT);
                int n = occurrences.merge(fp, 1, Integer::sum);
                result.put("partialFingerprints", Map.of(FINGERPRINT, n == 1 ? fp : fp + ":" + n));
                sarifResults.add(result);
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "HotLock");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/hotlock/hotlock");
        driver.put("rules", new ArrayList<>(rules.values()));
        Map<String, Object> bases = new LinkedHashMap<>();
        bases.put(SOURCE_ROOT, base(root.toUri().toString(), "the repository (or working directory) hotlock check ran in"));
        bases.put(MODELS, base(modelsUri, "the kernel models shipped in HotLock's language jar"));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", bases);
        run.put("results", sarifResults);
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("$schema", SCHEMA);
        top.put("version", "2.1.0");
        top.put("runs", List.of(run));
        return Json.write(top);
    }

    private static Map<String, Object> base(String uri, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (uri != null) {
            m.put("uri", uri);
        }
        m.put("description", text(description));
        return m;
    }

    private Map<String, Object> result(CheckResult r, Map<String, Object> f, Map<String, Map<String, Object>> rules) {
        String kind = (String) f.get("kind");
        String ruleId = f.get("rule") != null ? (String) f.get("rule") : kind;
        String title = String.valueOf(f.get("title"));
        if (!rules.containsKey(ruleId)) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", ruleId);
            rule.put("shortDescription", text(title.startsWith(ruleId + ": ") ? title.substring(ruleId.length() + 2) : title));
            rules.put(ruleId, rule);
        }
        @SuppressWarnings("unchecked")
        List<String> stacks = (List<String>) f.get("stacks");
        List<CallPath> paths = callPaths(kind, stacks);
        String scenario = r.file.toString();

        // where the user's scenario led to it: the closing acquisition of a cycle, else the first stack
        CallPath primary = paths.isEmpty() ? null : kind.endsWith("cycle") ? paths.getLast() : paths.getFirst();
        Frame at = primary == null ? null : userFrame(primary, scenario);
        for (int i = 0; at == null && i < paths.size(); i++) {
            at = userFrame(paths.get(i), scenario);
            primary = at != null ? paths.get(i) : primary;
        }
        Map<String, Object> first = at != null ? location(at, primary.label(), scenario) : scenarioStatement(r.file, scenario);

        List<Object> related = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CallPath p : paths) {
            for (Frame frame : p.frames()) {
                if (frame == at && p == primary) {
                    continue;
                }
                if (seen.add(p.label() + "\u0000" + frame)) {
                    Map<String, Object> loc = new LinkedHashMap<>();
                    loc.put("id", related.size() + 1);
                    loc.putAll(location(frame, p.label(), scenario));
                    related.add(loc);
                }
            }
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", new ArrayList<>(rules.keySet()).indexOf(ruleId));
        result.put("level", switch (kind) {
            case "guarded_cycle" -> "note";
            case "warning" -> "warning";
            default -> "error";
        });
        long count = ((Number) f.get("count")).longValue();
        result.put("message", text(title + (count > 1 ? " (seen " + count + " times)" : "")));
        result.put("locations", List.of(first));
        if (!related.isEmpty()) {
            result.put("relatedLocations", related);
        }
        List<Object> flows = codeFlows(r, f, paths, scenario);
        if (!flows.isEmpty()) {
            result.put("codeFlows", flows);
        }
        result.put("partialFingerprints", Map.of(FINGERPRINT, sha256(identity(r, f, paths))));
        return result;
    }

    /** The stacks of a finding as call paths: one per access of a race, per dependency of a cycle, per thread otherwise. */
    private static List<CallPath> callPaths(String kind, List<String> stacks) {
        List<CallPath> paths = new ArrayList<>();
        boolean cycle = kind.equals("cycle") || kind.equals("guarded_cycle");
        if (cycle || kind.equals("race")) {
            // one joined line each: "from -> to: f (file:line) <- g (file:line)" or "f (file:line) <- ..."
            for (int i = 0; i < stacks.size(); i++) {
                String entry = stacks.get(i);
                String label = kind.equals("race") ? (i == 0 ? "first access" : "second access") : null;
                int colon = entry.indexOf(": ");
                if (cycle && colon > 0 && entry.substring(0, colon).contains(" -> ")) {
                    label = entry.substring(0, colon);
                    entry = entry.substring(colon + 2);
                }
                paths.add(new CallPath(label, frames(List.of(entry.split(" <- ")))));
            }
        } else {
            // a list of frames; a deadlock's lists each blocked thread after a "thread:" line
            String label = null;
            List<String> lines = new ArrayList<>();
            for (String line : stacks) {
                String s = line.strip();
                if (s.endsWith(":") && !FRAME.matcher(s).matches()) {
                    if (!lines.isEmpty()) {
                        paths.add(new CallPath(label, frames(lines)));
                    }
                    label = s.substring(0, s.length() - 1);
                    lines = new ArrayList<>();
                } else {
                    lines.add(s);
                }
            }
            if (!lines.isEmpty()) {
                paths.add(new CallPath(label, frames(lines)));
            }
        }
        paths.removeIf(p -> p.frames().isEmpty());
        return paths;
    }

    private static List<Frame> frames(List<String> texts) {
        List<Frame> frames = new ArrayList<>();
        for (String t : texts) {
            Matcher m = FRAME.matcher(t.strip());
            if (m.matches()) {
                frames.add(new Frame(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
            }
        }
        return frames;
    }

    /**
     * Where a finding no frame of the scenario led to is located: a stack that is all kernel
     * model (a worker's, running queued work) ran because of the scenario statement that
     * started the threads, so at its first {@code explore}, {@code run} or {@code pct}; else at
     * the file's first line.
     */
    private Map<String, Object> scenarioStatement(Path file, String scenario) {
        int line = 1;
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (SCENARIO_STATEMENT.matcher(lines.get(i)).find()) {
                    line = i + 1;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable now: its first line
        }
        return location(new Frame("the scenario that started the threads", scenario, line),
                "no frame of the scenario on the stack (a worker's)", scenario);
    }

    private static final Pattern SCENARIO_STATEMENT = Pattern.compile("^\\s*(explore|run|pct)\\s*\\{");

    /** The innermost frame in the scenario file: the call in the user's script that led there. */
    private static Frame userFrame(CallPath path, String scenario) {
        for (Frame f : path.frames()) {
            if (f.file().equals(scenario)) {
                return f;
            }
        }
        return null;
    }

    private Map<String, Object> location(Frame frame, String label, String scenario) {
        Map<String, Object> physical = new LinkedHashMap<>();
        // a model's source is named kernel/...; anything else is a file of the user's
        physical.put("artifactLocation", !frame.file().equals(scenario) && frame.file().startsWith("kernel/")
                ? artifact(frame.file(), MODELS) : artifact(Path.of(frame.file())));
        physical.put("region", Map.of("startLine", frame.line()));
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("physicalLocation", physical);
        loc.put("message", text((label == null ? "" : label + ": ") + "in " + frame.function()));
        return loc;
    }

    /** A file of the user's: relative to the source root when below it, else its absolute file URI. */
    private Map<String, Object> artifact(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            return Map.of("uri", abs.toUri().toString());
        }
        return artifact(root.relativize(abs).toString().replace(java.io.File.separatorChar, '/'), SOURCE_ROOT);
    }

    private static Map<String, Object> artifact(String relative, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("uri", new URI(null, null, relative, null).toASCIIString());
        } catch (URISyntaxException e) {
            m.put("uri", relative);
        }
        m.put("uriBaseId", base);
        return m;
    }

    /**
     * The code flows: each thread's call path, from the user's line down to where it happened,
     * and for the scenario's failure the failing interleaving, one thread flow per thread in
     * step order.
     */
    private List<Object> codeFlows(CheckResult r, Map<String, Object> f, List<CallPath> paths, String scenario) {
        List<Object> flows = new ArrayList<>();
        if (!paths.isEmpty()) {
            List<Object> threadFlows = new ArrayList<>();
            for (CallPath p : paths) {
                List<Object> locations = new ArrayList<>();
                for (int i = p.frames().size() - 1; i >= 0; i--) {
                    Map<String, Object> tfl = new LinkedHashMap<>();
                    tfl.put("location", location(p.frames().get(i), null, scenario));
                    tfl.put("nestingLevel", p.frames().size() - 1 - i);
                    locations.add(tfl);
                }
                Map<String, Object> tf = new LinkedHashMap<>();
                if (p.label() != null) {
                    tf.put("message", text(p.label()));
                }
                tf.put("locations", locations);
                threadFlows.add(tf);
            }
            Map<String, Object> flow = new LinkedHashMap<>();
            flow.put("message", text(paths.size() == 1 ? "the call path" : "the call path of each " + (f.get("kind").equals("race") ? "access" : f.get("kind").toString().endsWith("cycle") ? "lock dependency" : "thread")));
            flow.put("threadFlows", threadFlows);
            flows.add(flow);
        }
        if (r.report != null && r.report.get("failure") instanceof Map<?, ?> failure
                && failure.get("category").equals(f.get("category"))
                && String.valueOf(failure.get("message")).lines().findFirst().orElse("").equals(f.get("title"))
                && failure.get("steps") instanceof List<?> steps && !steps.isEmpty()) {
            Map<String, List<Object>> byThread = new LinkedHashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                List<?> step = (List<?>) steps.get(i);
                String what = String.valueOf(step.get(1));
                Map<String, Object> tfl = new LinkedHashMap<>();
                tfl.put("location", Map.of("message", text(what)));
                tfl.put("executionOrder", i + 1);
                List<String> kinds = stepKinds(what);
                if (!kinds.isEmpty()) {
                    tfl.put("kinds", kinds);
                }
                byThread.computeIfAbsent(String.valueOf(step.get(0)), t -> new ArrayList<>()).add(tfl);
            }
            List<Object> threadFlows = new ArrayList<>();
            byThread.forEach((thread, locations) -> {
                Map<String, Object> tf = new LinkedHashMap<>();
                tf.put("id", thread);
                tf.put("message", text(thread));
                tf.put("locations", locations);
                threadFlows.add(tf);
            });
            Map<String, Object> flow = new LinkedHashMap<>();
            flow.put("message", text("the failing interleaving, " + steps.size() + " steps (replay it: " + CheckCommand.reproduce(r) + ")"));
            flow.put("threadFlows", threadFlows);
            flows.add(flow);
        }
        return flows;
    }

    /** SARIF's threadFlowLocation kinds for a step of the interleaving. */
    private static List<String> stepKinds(String what) {
        if (what.startsWith("lock") || what.startsWith("trylock")) {
            return List.of("acquire", "lock");
        } else if (what.startsWith("unlock")) {
            return List.of("release", "lock");
        } else if (what.startsWith("read") || what.startsWith("write")) {
            return List.of("memory");
        }
        return List.of();
    }

    /**
     * What makes a finding this finding, whatever line the models or the script have it at:
     * kind, rule, category, title, the lock classes (a cycle's, from its smallest class round),
     * the field or call a rule names, the user's file, and the functions of each call path.
     */
    private String identity(CheckResult r, Map<String, Object> f, List<CallPath> paths) {
        String kind = (String) f.get("kind");
        String title = String.valueOf(f.get("title"));
        String locks = "";
        if (kind.endsWith("cycle")) {
            int colon = title.lastIndexOf(": ");
            List<String> chain = new ArrayList<>(List.of(title.substring(colon + 2).split(" --> ")));
            chain.removeLast();
            int start = chain.indexOf(chain.stream().sorted().findFirst().orElseThrow());
            List<String> rotated = new ArrayList<>(chain.subList(start, chain.size()));
            rotated.addAll(chain.subList(0, start));
            locks = String.join(" -> ", rotated) + (kind.equals("guarded_cycle") ? " guarded by " + title.substring(0, colon).replaceFirst("^.* guarded by ", "") : "");
        }
        String fields = "";
        if (kind.equals("race")) {
            // the field is in the category; a write/read race is not the write/write one at the same places
            fields = String.join(",", String.valueOf(f.get("report")).lines().map(String::strip)
                    .filter(l -> l.startsWith("read by ") || l.startsWith("write by ")).map(l -> l.substring(0, l.indexOf(' '))).toList());
        } else if (kind.equals("violation")) {
            // "  THREAD writes zone.present_pages without holding ...": what the rule was broken by
            List<String> lines = String.valueOf(f.get("report")).lines().toList();
            if (lines.size() > 1) {
                String what = lines.get(1).strip();
                fields = what.substring(what.indexOf(' ') + 1);
            }
        }
        List<String> calls = new ArrayList<>();
        for (CallPath p : paths) {
            calls.add((p.label() == null ? "" : p.label() + ": ") + String.join(" <- ", p.frames().stream().map(Frame::function).toList()));
        }
        return String.join("\n", "kind=" + kind, "rule=" + f.get("rule"), "category=" + f.get("category"), "title=" + title,
                "locks=" + locks, "fields=" + fields, "scenario=" + artifact(r.file).get("uri"), "calls=" + String.join(" | ", calls));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Map<String, Object> text(String s) {
        return Map.of("text", s);
    }
}
