package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints findings for a person: a title line each (coloured on a terminal), then the report. */
public final class FindingPrinter {
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String RESET = "\u001b[0m";

    private FindingPrinter() {
    }

    /** Colour only when standard output is a terminal and NO_COLOR is not set. */
    static boolean colour() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * What a scenario's result line says of its findings: {@code clean} only when there are
     * none, else how many and their categories, {@code 3 findings (cycle x2, violation(R3))}.
     */
    @TruffleBoundary
    public static String headline(List<FindingLog.Entry> entries) {
        if (entries.isEmpty()) {
            return "clean";
        }
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (FindingLog.Entry e : entries) {
            categories.merge(e.finding().category(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder().append(entries.size()).append(entries.size() == 1 ? " finding (" : " findings (");
        String separator = "";
        for (Map.Entry<String, Integer> c : categories.entrySet()) {
            sb.append(separator).append(c.getKey()).append(c.getValue() > 1 ? " x" + c.getValue() : "");
            separator = ", ";
        }
        return sb.append(')').toString();
    }

    @TruffleBoundary
    public static void print(PrintWriter out, List<FindingLog.Entry> entries) {
        print(out, "findings", entries, null);
    }

    @TruffleBoundary
    public static void print(PrintWriter out, String header, List<FindingLog.Entry> entries) {
        print(out, header, entries, null);
    }

    /**
     * The findings of one scenario or snippet under {@code header}: each in full the first
     * time, a finding printed before (an earlier scenario found it too) by its title only.
     */
    @TruffleBoundary
    public static void printScope(PrintWriter out, String header, FindingLog log) {
        print(out, header, log.scope(), log);
    }

    /** The findings of one scope (a REPL snippet) not printed yet, in full; marks them printed. */
    @TruffleBoundary
    public static void printNew(PrintWriter out, String header, FindingLog log) {
        List<FindingLog.Entry> fresh = new java.util.ArrayList<>();
        for (FindingLog.Entry e : log.scope()) {
            if (log.markPrinted(e.finding().key())) {
                fresh.add(e);
            }
        }
        print(out, header, fresh, null);
    }

    private static void print(PrintWriter out, String header, List<FindingLog.Entry> entries, FindingLog log) {
        if (entries.isEmpty()) {
            return;
        }
        boolean colour = colour();
        out.println(header + ": " + entries.size() + " distinct");
        for (FindingLog.Entry e : entries) {
            Finding f = e.finding();
            boolean first = log == null || log.markPrinted(f.key());
            boolean serious = f.kind() != Finding.Kind.GUARDED_CYCLE && f.kind() != Finding.Kind.WARNING;
            String title = "[" + f.category() + "] " + f.title() + (e.count() > 1 ? " (seen " + e.count() + " times)" : "")
                    + (first ? "" : " -- reported above");
            out.println(colour ? (serious ? RED : YELLOW) + title + RESET : title);
            if (first) {
                for (String line : f.report().split("\n")) {
                    out.println("    " + line);
                }
            }
        }
        out.flush();
    }
}
