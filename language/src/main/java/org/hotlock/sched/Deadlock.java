package org.hotlock.sched;

import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.Display;

import java.util.ArrayList;
import java.util.List;

/**
 * Every live thread of an execution is blocked: what each waits for (a lock and its holders, a
 * thread it joins, a sysfs directory), the wait-for cycle, and each thread's stack.
 */
record Deadlock(String message, List<String> stacks) {

    static Deadlock of(List<Runner> runners) {
        StringBuilder sb = new StringBuilder("deadlock: every live thread is blocked\n");
        List<String> stacks = new ArrayList<>();
        for (Runner r : runners) {
            if (r.done()) {
                continue;
            }
            KernelLock lock = r.blockedOn;
            if (lock == null && r.joining != null) {
                sb.append("  ").append(r.name()).append(" joins ").append(r.joining.name()).append('\n');
                stacks.add(r.name() + ":");
                addStack(stacks, r);
                continue;
            }
            if (lock == null && r.awaitedField != null) {
                sb.append("  ").append(r.name()).append(" waits for ").append(r.awaitedField.qualifiedName()).append(" to change from ")
                        .append(Display.show(r.awaitedValue)).append(", which no live thread will do\n");
                stacks.add(r.name() + ":");
                addStack(stacks, r);
                continue;
            }
            if (lock == null) {
                sb.append("  ").append(r.name()).append(" waits for ").append(r.waitingFor).append(" to appear\n");
                stacks.add(r.name() + ":");
                addStack(stacks, r);
                continue;
            }
            sb.append("  ").append(r.name()).append(" waits for ").append(lock.name());
            if (!lock.holders().isEmpty()) {
                sb.append(", held by ");
                for (int i = 0; i < lock.holders().size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(lock.holders().get(i).name());
                }
            }
            GuestThread writer = writerAhead(r);
            if (writer != null) {
                sb.append(", behind ").append(writer.name()).append(", who waits to write it (new readers do not pass a waiting writer)");
            }
            sb.append('\n');
            stacks.add(r.name() + ":");
            addStack(stacks, r);
        }
        sb.append("wait-for cycle: ").append(cycle(runners));
        return new Deadlock(sb.toString(), stacks);
    }

    /** The writer a blocked reader waits behind, when one does (null when the holders alone keep it out). */
    private static GuestThread writerAhead(Runner r) {
        KernelLock lock = r.blockedOn;
        return lock == null || r.blockedMode != LockMode.READ ? null : lock.writerAhead(r.thread);
    }

    /** A blocked thread's stack, taken when it blocked (in a replay, see Scheduler#restoring). */
    private static void addStack(List<String> stacks, Runner r) {
        if (r.blockedStack == null) {
            stacks.add("    (stack not taken)");
            return;
        }
        for (String frame : r.blockedStack) {
            stacks.add("    " + frame);
        }
    }

    /** Follows "waits for a lock held by" from a blocked thread until a thread repeats. */
    private static String cycle(List<Runner> runners) {
        for (Runner start : runners) {
            if (start.done() || start.blockedOn == null) {
                continue;
            }
            List<Runner> path = new ArrayList<>();
            Runner r = start;
            while (r != null && !path.contains(r)) {
                path.add(r);
                KernelLock lock = r.blockedOn;
                Runner next = null;
                // a reader behind a waiting writer waits for that writer first
                GuestThread writer = writerAhead(r);
                GuestThread awaited = writer != null ? writer : lock != null && !lock.holders().isEmpty() ? lock.holders().getFirst() : null;
                for (Runner o : runners) {
                    if (awaited != null && o.thread == awaited) {
                        next = o;
                    }
                }
                r = next;
            }
            if (r != null) {
                StringBuilder sb = new StringBuilder();
                for (Runner p : path.subList(path.indexOf(r), path.size())) {
                    sb.append(p.name()).append(" -[").append(p.blockedOn.name()).append("]-> ");
                }
                return sb.append(r.name()).toString();
            }
            Runner last = path.getLast();
            if (last.awaitedField != null) {
                // the chain of lock waits ends at a thread that waits for a field to change
                StringBuilder sb = new StringBuilder();
                for (Runner p : path.subList(0, path.size() - 1)) {
                    sb.append(p.name()).append(" -[").append(p.blockedOn.name()).append("]-> ");
                }
                return sb.append(last.name()).append(" -[").append(last.awaitedField.qualifiedName()).append(" to change]-> no live thread").toString();
            }
        }
        for (Runner r : runners) {
            if (!r.done() && r.blockedOn != null) {
                return "(no cycle: a thread waits for a lock no thread holds)";
            }
        }
        return "(no cycle: no thread waits for a lock)";
    }
}
