package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.kernel.FieldKey;
import org.hotlock.kernel.GuestThread;
import org.hotlock.kernel.Kernel;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.KernelObjects;
import org.hotlock.kernel.KernelReports;
import org.hotlock.kernel.LockMode;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data races on declared shared state: two accesses from different threads, at least one a
 * write, that no common lock protects (Eraser's lockset: a lock both held, one of them in
 * write mode) and that happens-before does not order (vector clocks over spawn and join,
 * FastTrack's relation without the lock edges, so that a race is reported whatever order
 * this schedule happened to give them). Reported with both accesses' stacks and locks.
 */
public final class RaceDetector {
    private record Access(GuestThread thread, boolean write, GuestThread.HeldLock[] held, int[] clock, KernelReports.Captured captured) {
        List<String> stack() {
            return captured.frames();
        }

        /** Each lock held, once, in the mode taken last, in the order taken: for the report. */
        Map<KernelLock, LockMode> locks() {
            Map<KernelLock, LockMode> locks = new LinkedHashMap<>();
            for (GuestThread.HeldLock h : held) {
                locks.put(h.lock(), h.mode());
            }
            return locks;
        }
    }

    private static final GuestThread.HeldLock[] NO_LOCKS = new GuestThread.HeldLock[0];

    private final Kernel kernel;
    private final FindingLog findings;
    private final Map<FieldKey, List<Access>> recent = new HashMap<>();
    /** Each thread's vector clock, by thread id (null: not yet asked for in this execution). */
    private int[][] clocks = new int[8][];
    /** The finding key of each race seen, by its site: kept across executions, as the stacks are. */
    private final Map<RaceSite, String> raceKeys = new HashMap<>();

    RaceDetector(Kernel kernel, FindingLog findings) {
        this.kernel = kernel;
        this.findings = findings;
    }

    /** A new execution: forget its accesses and clocks. */
    @TruffleBoundary
    void reset() {
        recent.clear();
        Arrays.fill(clocks, null);
        published.clear();
    }

    private int[] clock(GuestThread t) {
        int id = t.id();
        int[] c = id < clocks.length ? clocks[id] : null;
        if (c == null) {
            c = new int[Math.max(8, id + 1)];
            c[id] = 1;
            setClock(t, c);
        }
        return c;
    }

    private void setClock(GuestThread t, int[] c) {
        int id = t.id();
        if (id >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(id + 1, clocks.length * 2));
        }
        clocks[id] = c;
    }

    private final Map<Object, int[]> published = new HashMap<>();

    /**
     * A device's sysfs directory appears: what its creator did before happens before what a
     * thread that finds the directory does next (the kernel publishes the device with
     * device_add; user space cannot reach it earlier).
     */
    @TruffleBoundary
    void publish(GuestThread thread, Object key) {
        int[] c = clock(thread);
        published.merge(key, c.clone(), RaceDetector::joined);
        c[thread.id()]++;
    }

    /** A thread found a published directory. */
    @TruffleBoundary
    void observe(GuestThread thread, Object key) {
        int[] p = published.get(key);
        if (p != null) {
            setClock(thread, joined(clock(thread), p));
        }
    }

    /** The component-wise maximum of two vector clocks, as long as the longer. */
    private static int[] joined(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            r[i] = Math.max(r[i], b[i]);
        }
        return r;
    }

    /** The parent's history happens before everything the child does. */
    @TruffleBoundary
    void spawned(GuestThread parent, GuestThread child) {
        int[] p = clock(parent);
        int[] c = joined(new int[child.id() + 1], p);
        c[child.id()] = Math.max(c[child.id()], 1);
        setClock(child, c);
        p[parent.id()]++;
    }

    /** Everything the joined thread did happens before what the joiner does next. */
    @TruffleBoundary
    void joined(GuestThread joiner, GuestThread child) {
        setClock(joiner, joined(clock(joiner), clock(child)));
    }

    @TruffleBoundary
    void access(GuestThread thread, HLObject object, int field, boolean write, Node location) {
        if (object.type().isAtomic(field)) {
            return;   // atomic accesses do not race
        }
        List<GuestThread.HeldLock> held = thread.held();
        GuestThread.HeldLock[] locks = held.isEmpty() ? NO_LOCKS : held.toArray(NO_LOCKS);
        int[] own = clock(thread);
        int[] vc = Arrays.copyOf(own, Math.max(own.length, thread.id() + 1));
        Access now = new Access(thread, write, locks, vc, kernel.stackAt(location));
        FieldKey key = new FieldKey(object, field);
        List<Access> previous = recent.computeIfAbsent(key, k -> new ArrayList<>());
        for (Access before : previous) {
            if (before.thread() != thread && (before.write() || write) && !ordered(before, now) && !protectedByCommonLock(before, now)) {
                report(object, field, before, now);
            }
        }
        // keep the last access of each thread (a write also stands for the reads before it)
        previous.removeIf(a -> a.thread() == thread && (write || !a.write()));
        previous.add(now);
    }

    private static boolean ordered(Access a, Access b) {
        int t = a.thread().id();
        return t < b.clock().length && a.clock()[t] <= b.clock()[t];
    }

    private static boolean protectedByCommonLock(Access a, Access b) {
        // a lock held twice counts in the mode taken last, as the report shows it; a lock
        // released under one of the two holds (their holds overlapped) kept nothing apart
        for (int i = 0; i < a.held().length; i++) {
            GuestThread.HeldLock mine = last(a.held(), i);
            if (mine == null) {
                continue;
            }
            GuestThread.HeldLock other = last(b.held(), mine.lock());
            if (other != null && (mine.mode() == LockMode.WRITE || other.mode() == LockMode.WRITE) && !mine.overlapsWith(other)) {
                return true;
            }
        }
        return false;
    }

    /** The locks both accesses held whose holds overlapped: for the report. */
    private static List<String> overlapped(Access a, Access b) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < a.held().length; i++) {
            GuestThread.HeldLock mine = last(a.held(), i);
            GuestThread.HeldLock other = mine == null ? null : last(b.held(), mine.lock());
            if (other != null && mine.overlapsWith(other)) {
                names.add(mine.lock().name());
            }
        }
        return names;
    }

    /** What identifies a race: the field and the two accesses' stacks (either way round). */
    private record RaceSite(StructType type, int field, KernelReports.Captured first, KernelReports.Captured second) {
    }

    /** held[i] if it is its lock's last entry, else null (a lock counts at its last). */
    private static GuestThread.HeldLock last(GuestThread.HeldLock[] held, int i) {
        for (int j = i + 1; j < held.length; j++) {
            if (held[j].lock() == held[i].lock()) {
                return null;
            }
        }
        return held[i];
    }

    /** The hold of the lock taken last, or null. */
    private static GuestThread.HeldLock last(GuestThread.HeldLock[] held, KernelLock lock) {
        for (int j = held.length - 1; j >= 0; j--) {
            if (held[j].lock() == lock) {
                return held[j];
            }
        }
        return null;
    }

    private void report(HLObject object, int field, Access first, Access second) {
        String fieldClass = object.type().qualifiedName(field);
        // a race recurs in execution after execution: its key is made once
        String key = raceKeys.computeIfAbsent(new RaceSite(object.type(), field, first.captured(), second.captured()), site -> {
            String a = site.first().key();
            String b = site.second().key();
            return "race:" + fieldClass + ":" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
        });
        if (findings.has(key)) {
            findings.add(findings.get(key));
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("==================================================================\n");
        sb.append("BUG: HotLock data race on ").append(fieldClass).append(" (").append(KernelObjects.describeField(object, field)).append(")\n\n");
        appendAccess(sb, first);
        sb.append('\n');
        appendAccess(sb, second);
        List<String> overlapped = overlapped(first, second);
        if (overlapped.isEmpty()) {
            sb.append("\nno common lock protects both accesses and nothing orders them\n");
        } else {
            sb.append("\n").append(String.join(", ", overlapped)).append(" did not keep them apart: it was released under ")
                    .append(first.thread().name()).append(" or ").append(second.thread().name())
                    .append(" by a thread that did not hold it, and both held it at once; nothing else orders them\n");
        }
        sb.append("==================================================================\n");
        List<String> stacks = List.of(String.join(" <- ", first.stack()), String.join(" <- ", second.stack()));
        findings.add(new Finding(Finding.Kind.RACE, null, "race(" + fieldClass + ")",
                "data race on " + fieldClass + " between " + first.thread().name() + " and " + second.thread().name(),
                sb.toString(), stacks, key));
    }

    private static void appendAccess(StringBuilder sb, Access a) {
        sb.append(a.write() ? "write" : "read").append(" by ").append(a.thread().name()).append(", holding ");
        if (a.held().length == 0) {
            sb.append("no lock");
        } else {
            List<String> names = new ArrayList<>();
            a.locks().forEach((l, m) -> names.add(l.name() + (l.kind().hasReadMode() ? "(" + m.letter() + ")" : "")));
            sb.append(String.join(", ", names));
        }
        sb.append(":\n");
        for (String f : a.stack()) {
            sb.append("  ").append(f).append('\n');
        }
    }
}
