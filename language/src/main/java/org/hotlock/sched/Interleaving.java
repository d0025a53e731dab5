package org.hotlock.sched;

import org.hotlock.kernel.Event;

import java.util.List;

/** Prints an execution as a table: a column per thread, a row per step. */
public final class Interleaving {
    private static final int WIDTH = 46;

    private Interleaving() {
    }

    public static String table(Outcome outcome) {
        List<String> names = outcome.threadNames();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%5s  ", "step"));
        for (String n : names) {
            sb.append(pad(n));
        }
        sb.append('\n').append("-----  ");
        for (int i = 0; i < names.size(); i++) {
            sb.append(pad("-".repeat(Math.min(WIDTH - 2, Math.max(4, names.get(i).length())))));
        }
        sb.append('\n');
        List<Event> trace = outcome.trace();
        for (int step = 0; step < trace.size(); step++) {
            Event e = trace.get(step);
            sb.append(String.format("%5d  ", step));
            for (int t = 0; t < names.size(); t++) {
                sb.append(t == e.thread() ? pad(e.description()) : pad(""));
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
