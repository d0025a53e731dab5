package org.hotlock.coverage;

import org.hotlock.builtins.locks.LockBuiltins;
import org.hotlock.coverage.CoverageData.Counter;
import org.hotlock.coverage.CoverageData.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The kernel model's coverage as LCOV (the tracefile format of the Linux Test Project's lcov,
 * which genhtml draws and CI services read) and as a summary for a person: per file, and the
 * branches of the locking paths never taken.
 */
final class CoverageReport {
    /** A summary lists at most this many untaken branches; the LCOV file has them all. */
    private static final int LISTED = 25;

    private final Map<String, List<Counter>> byFile = new TreeMap<>();
    private final Map<String, Set<String>> calls;
    private final String sourceRoot;

    CoverageReport(List<Counter> counters, Map<String, Set<String>> calls, String sourceRoot) {
        for (Counter c : counters) {
            byFile.computeIfAbsent(c.file, f -> new ArrayList<>()).add(c);
        }
        byFile.values().forEach(l -> l.sort(Comparator.comparingInt((Counter c) -> c.line).thenComparingInt(c -> c.charIndex)));
        this.calls = calls;
        this.sourceRoot = sourceRoot;
    }

    String lcov() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Counter>> e : byFile.entrySet()) {
            List<Counter> functions = of(e.getValue(), Kind.FUNCTION);
            List<Counter> branches = of(e.getValue(), Kind.BRANCH);
            b.append("TN:hotlock\n");
            b.append("SF:").append(sourceRoot.isEmpty() ? e.getKey() : sourceRoot + "/" + e.getKey()).append('\n');
            for (Counter f : functions) {
                b.append("FN:").append(f.line).append(',').append(f.function).append('\n');
            }
            for (Counter f : functions) {
                b.append("FNDA:").append(f.hits()).append(',').append(f.function).append('\n');
            }
            b.append("FNF:").append(functions.size()).append('\n');
            b.append("FNH:").append(functions.stream().filter(f -> f.hits() > 0).count()).append('\n');
            int block = 0;
            for (Counter c : branches) {
                boolean evaluated = c.whenTrue() + c.whenFalse() > 0;
                b.append("BRDA:").append(c.line).append(',').append(block).append(",0,").append(evaluated ? Long.toString(c.whenTrue()) : "-").append('\n');
                b.append("BRDA:").append(c.line).append(',').append(block).append(",1,").append(evaluated ? Long.toString(c.whenFalse()) : "-").append('\n');
                block++;
            }
            b.append("BRF:").append(2 * branches.size()).append('\n');
            b.append("BRH:").append(branchesTaken(branches)).append('\n');
            Map<Integer, Long> lines = lines(e.getValue());
            lines.forEach((line, hits) -> b.append("DA:").append(line).append(',').append(hits).append('\n'));
            b.append("LF:").append(lines.size()).append('\n');
            b.append("LH:").append(lines.values().stream().filter(h -> h > 0).count()).append('\n');
            b.append("end_of_record\n");
        }
        return b.toString();
    }

    String summary(String lcovFile) {
        StringBuilder b = new StringBuilder("\nkernel-model coverage (LCOV: " + lcovFile + "; 'genhtml " + lcovFile + " -o DIR' draws it):\n");
        b.append(String.format("  %-36s %-18s %-18s %s%n", "file", "lines", "functions", "branches"));
        long[] total = new long[6];
        for (Map.Entry<String, List<Counter>> e : byFile.entrySet()) {
            Map<Integer, Long> lines = lines(e.getValue());
            List<Counter> functions = of(e.getValue(), Kind.FUNCTION);
            List<Counter> branches = of(e.getValue(), Kind.BRANCH);
            long[] row = {lines.values().stream().filter(h -> h > 0).count(), lines.size(),
                    functions.stream().filter(f -> f.hits() > 0).count(), functions.size(), branchesTaken(branches), 2L * branches.size()};
            for (int i = 0; i < row.length; i++) {
                total[i] += row[i];
            }
            b.append(row(e.getKey(), row));
        }
        b.append(row("total", total));
        Set<String> locking = lockingFunctions();
        List<String> neverCalled = new ArrayList<>();
        List<String> untaken = new ArrayList<>();
        for (Map.Entry<String, List<Counter>> e : byFile.entrySet()) {
            Set<String> ran = new HashSet<>();
            for (Counter f : of(e.getValue(), Kind.FUNCTION)) {
                if (locking.contains(f.function)) {
                    if (f.hits() == 0) {
                        neverCalled.add(f.function + " (" + e.getKey() + ":" + f.line + ")");
                    } else {
                        ran.add(f.function);
                    }
                }
            }
            for (Counter c : of(e.getValue(), Kind.BRANCH)) {
                if (ran.contains(c.function) && (c.whenTrue() == 0 || c.whenFalse() == 0)) {
                    String never = c.whenTrue() == 0 && c.whenFalse() == 0 ? "never evaluated" : c.whenTrue() == 0 ? "never true" : "never false";
                    untaken.add(e.getKey() + ":" + c.line + " " + c.function + ": '" + shorten(c.text) + "' " + never);
                }
            }
        }
        b.append("locking paths (functions that take a lock, themselves or through the functions they call):\n");
        b.append("  never called: ").append(neverCalled.isEmpty() ? "none" : String.join(", ", neverCalled)).append('\n');
        b.append("  branches never taken in the ones called: ").append(untaken.isEmpty() ? "none" : untaken.size()).append('\n');
        untaken.stream().limit(LISTED).forEach(u -> b.append("    ").append(u).append('\n'));
        if (untaken.size() > LISTED) {
            b.append("    ... ").append(untaken.size() - LISTED).append(" more: every branch is a BRDA record of the LCOV file\n");
        }
        return b.toString();
    }

    /**
     * The functions that take a lock: those that call a lock-taking builtin, and, to a fixed
     * point, those that call one of them. Calls are matched by name, so a function of one
     * version's model and its namesake in another count as one.
     */
    Set<String> lockingFunctions() {
        Set<String> locking = new HashSet<>(LockBuiltins.acquiring());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> e : calls.entrySet()) {
                if (!locking.contains(e.getKey()) && e.getValue().stream().anyMatch(locking::contains)) {
                    locking.add(e.getKey());
                    grew = true;
                }
            }
        }
        locking.removeAll(LockBuiltins.acquiring());
        return locking;
    }

    private static String row(String name, long[] r) {
        return String.format("  %-36s %-18s %-18s %s%n", name, ratio(r[0], r[1]), ratio(r[2], r[3]), ratio(r[4], r[5]));
    }

    private static String ratio(long hit, long all) {
        return all == 0 ? "-" : String.format("%d/%d %.0f%%", hit, all, 100.0 * hit / all);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private static List<Counter> of(List<Counter> counters, Kind kind) {
        return counters.stream().filter(c -> c.kind == kind).toList();
    }

    /** Each branch condition is two branches: true and false. */
    private static long branchesTaken(List<Counter> branches) {
        return branches.stream().mapToLong(c -> (c.whenTrue() > 0 ? 1 : 0) + (c.whenFalse() > 0 ? 1 : 0)).sum();
    }

    /** Line to its count: the most any statement starting on it ran (a line runs when its first statement does). */
    private static Map<Integer, Long> lines(List<Counter> counters) {
        return counters.stream().filter(c -> c.kind == Kind.LINE)
                .collect(Collectors.toMap(c -> c.line, Counter::hits, Math::max, TreeMap::new));
    }
}
