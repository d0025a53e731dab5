package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.io.PrintWriter;
import java.util.List;

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

    @TruffleBoundary
    public static void print(PrintWriter out, List<FindingLog.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        boolean colour = colour();
        out.println("findings: " + entries.size() + " distinct");
        for (FindingLog.Entry e : entries) {
            Finding f = e.finding();
            boolean serious = f.kind() != Finding.Kind.GUARDED_CYCLE && f.kind() != Finding.Kind.WARNING;
            String title = "[" + f.category() + "] " + f.title() + (e.count() > 1 ? " (seen " + e.count() + " times)" : "");
            out.println(colour ? (serious ? RED : YELLOW) + title + RESET : title);
            for (String line : f.report().split("\n")) {
                out.println("    " + line);
            }
        }
        out.flush();
    }
}
