package org.hotlock.check;

import org.hotlock.kernel.KernelReports;

import java.util.List;
import java.util.Set;

/** Writes a lock-order cycle the way lockdep's print_circular_bug() does. */
final class LockdepReport {
    private LockdepReport() {
    }

    /**
     * @param cycle the existing path from the new lock's class back to the held one, then the
     *              closing dependency (held -> new)
     */
    static String circular(String thread, LockGraph.Edge closing, List<LockGraph.Edge> cycle, Set<String> gates) {
        String target = closing.to;   // the lock being taken
        String held = closing.from;   // the lock already held
        List<LockGraph.Edge> existing = cycle.subList(0, cycle.size() - 1);
        StringBuilder sb = new StringBuilder();
        String warning = "WARNING: possible circular locking dependency detected";
        KernelReports.lockdepHeader(sb, gates.isEmpty() ? warning : "NOTE: circular locking dependency, GUARDED by " + String.join(", ", gates),
                warning.length());
        sb.append(thread).append(" is trying to acquire lock:\n");
        sb.append(" (").append(target).append("), at: ").append(top(closing.stack)).append("\n\n");
        sb.append("but task is already holding lock:\n");
        sb.append(" (").append(held).append(")\n\n");
        sb.append("which lock already depends on the new lock.\n\n\n");
        sb.append("the existing dependency chain (in reverse order) is:\n\n");
        int n = existing.size();
        for (int i = n - 1; i >= 0; i--) {
            LockGraph.Edge e = existing.get(i);
            sb.append("-> #").append(i + 1).append(" (").append(e.to).append("):\n");
            appendStack(sb, e.stack);
            sb.append('\n');
        }
        sb.append("-> #0 (").append(target).append("):\n");
        appendStack(sb, closing.stack);
        sb.append("\nother info that might help us debug this:\n\n");
        String parent = existing.isEmpty() ? target : existing.getLast().from;
        if (existing.size() > 1) {
            sb.append("Chain exists of:\n  ").append(target);
            for (LockGraph.Edge e : existing) {
                sb.append(" --> ").append(e.to);
            }
            sb.append("\n\n");
        }
        sb.append(" Possible unsafe locking scenario:\n\n");
        sb.append(String.format("       %-28s%s%n", "CPU0", "CPU1"));
        sb.append(String.format("       %-28s%s%n", "----", "----"));
        sb.append("  lock(").append(held).append(");\n");
        sb.append("                               lock(").append(parent).append(");\n");
        sb.append("                               lock(").append(held).append(");\n");
        sb.append("  lock(").append(target).append(");\n\n");
        if (gates.isEmpty()) {
            sb.append(" *** DEADLOCK ***\n");
        } else {
            sb.append(" *** NO DEADLOCK: every dependency of the cycle was taken while holding ")
                    .append(String.join(", ", gates)).append(", so the two sides cannot run at once ***\n");
        }
        return sb.toString();
    }

    private static String top(List<String> stack) {
        return stack.isEmpty() ? "?" : stack.getFirst();
    }

    private static void appendStack(StringBuilder sb, List<String> stack) {
        for (String frame : stack) {
            sb.append("       ").append(frame).append('\n');
        }
    }
}
