package org.hotlock.sched;

import org.hotlock.kernel.Event;

import java.util.List;

/**
 * Prints an execution as a table: a column per thread, a row per step. Bounded whatever the
 * execution: at most {@value #MAX_COLUMNS} thread columns (more threads: one line per step,
 * naming its thread) and {@value #MAX_ROWS} rows (the first and last halves; the trace file
 * keeps every step).
 */
public final class Interleaving {
    private static final int WIDTH = 46;
    static final int MAX_COLUMNS = 8;
    static final int MAX_ROWS = 400;

    private Interleaving() {
    }

    public static String table(Outcome outcome) {
        List<String> names = outcome.threadNames();
        boolean columns = names.size() <= MAX_COLUMNS;
        StringBuilder sb = new StringBuilder();
        if (columns) {
            sb.append(String.format("%5s  ", "step"));
            for (String n : names) {
                sb.append(pad(n));
            }
            sb.append('\n').append("-----  ");
            for (int i = 0; i < names.size(); i++) {
                sb.append(pad("-".repeat(Math.min(WIDTH - 2, Math.max(4, names.get(i).length())))));
            }
        } else {
            sb.append(String.format("%5s  %-20s %s%n", "step", "thread", "(" + names.size() + " threads: a line per step)"));
            sb.append("-----  ").append("-".repeat(20)).append(' ').append("----");
        }
        sb.setLength(sb.length() - trailing(sb));
        sb.append('\n');
        List<Event> trace = outcome.trace();
        int shown = trace.size() <= MAX_ROWS ? trace.size() : MAX_ROWS / 2;
        for (int step = 0; step < trace.size(); step++) {
            if (step == shown && trace.size() > MAX_ROWS) {
                int skip = trace.size() - MAX_ROWS;
                sb.append(String.format("%5s  ... %d steps not shown (the trace file has every step)%n", "", skip));
                step += skip - 1;
                continue;
            }
            Event e = trace.get(step);
            sb.append(String.format("%5d  ", step));
            if (columns) {
                for (int t = 0; t < names.size(); t++) {
                    sb.append(t == e.thread() ? pad(e.description()) : pad(""));
                }
            } else {
                String name = e.thread() >= 0 && e.thread() < names.size() ? names.get(e.thread()) : "?";
                sb.append(String.format("%-20s %s", name.length() > 20 ? name.substring(0, 17) + "..." : name, e.description()));
            }
            sb.setLength(sb.length() - trailing(sb));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int trailing(StringBuilder sb) {
        int n = 0;
        for (int i = sb.length() - 1; i >= 0 && sb.charAt(i) == ' '; i--) {
            n++;
        }
        return n;
    }

    private static String pad(String s) {
        String cut = s.length() > WIDTH - 2 ? s.substring(0, WIDTH - 5) + "..." : s;
        return cut + " ".repeat(WIDTH - cut.length());
    }
}
