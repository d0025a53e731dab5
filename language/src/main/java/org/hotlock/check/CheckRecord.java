package org.hotlock.check;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.kernel.LockMode;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the checks found while a worker explored a subtree for a search, in the order they
 * found it, kept small: a finding once, with how often it recurred; a lock dependency only
 * where it tells the search's lock graph something (new here, taken with fewer locks held, or
 * part of a cycle found before). Applied to the search's own checks when the search takes the
 * subtree, it leaves them as if the subtree had been explored there: the same findings, in the
 * same order, with the same counts. A finding the search's log knew already carries no
 * report; a dependency carries its stack only when the search's graph lacked it.
 */
public final class CheckRecord {
    /** A finding and how often it occurred (finding null: one the search's log had). */
    private static final class Add {
        final String key;
        final Finding finding;
        int count;

        Add(String key, Finding finding) {
            this.key = key;
            this.finding = finding;
        }
    }

    /** A lock taken while holding others: what LockGraph needs to add the dependencies. */
    private record Taken(String thread, String to, LockMode mode, Set<String> held, Set<String> exclusive, List<String> stack) {
    }

    private final List<Object> ops = new ArrayList<>();
    private final Map<String, Add> adds = new HashMap<>();
    /** "from to" of each dependency taken here, with the exclusive locks held every time. */
    private final Map<String, Set<String>> dependencies = new HashMap<>();
    /** Dependencies in a cycle when the subtree was handed over, not yet retaken here. */
    private final Set<String> inCycles;
    private final Checks search;

    /**
     * @param search the checks of the search's context: what they know decides what is kept;
     *               read here only through what is safe from another thread
     * @param inCycles the dependencies of the search's graph that were part of a cycle when the
     *               subtree was handed over (read on the search's thread)
     */
    public CheckRecord(Checks search, Set<String> inCycles) {
        this.search = search;
        this.inCycles = new HashSet<>(inCycles);
    }

    /**
     * A record for a search in another process, whose checks this one cannot ask: it keeps
     * every finding with its report and every dependency with its stack (see {@link #writeTo}).
     */
    public static CheckRecord forAnotherProcess(Set<String> inCycles) {
        return new CheckRecord(null, inCycles);
    }

    boolean knows(String key) {
        return adds.containsKey(key) || search != null && search.findings().knows(key);
    }

    @TruffleBoundary
    void add(Finding finding) {
        add(finding.key(), finding.category() == null ? null : finding, 1);
    }

    /** Another {@code count} occurrences of a finding: the first one's place and report is kept. */
    private void add(String key, Finding finding, int count) {
        Add a = adds.get(key);
        if (a == null) {
            a = new Add(key, finding);
            adds.put(key, a);
            ops.add(a);
        }
        a.count += count;
    }

    @TruffleBoundary
    void taken(String thread, String to, LockMode mode, Set<String> held, Set<String> exclusive, Supplier<List<String>> stack) {
        boolean tells = false;
        boolean needsStack = false;
        for (String from : held) {
            if (from.equals(to)) {
                continue;
            }
            String key = LockGraph.dependency(from, to);
            Set<String> always = dependencies.get(key);
            if (always == null) {
                Set<String> others = new LinkedHashSet<>(exclusive);
                others.remove(from);
                dependencies.put(key, others);
                tells = true;
                needsStack |= search == null || !search.lockGraph().knows(from, to);
            } else if (!LockGraph.stillHeld(always, exclusive, from)) {
                always.removeIf(g -> g.equals(from) || !exclusive.contains(g));
                tells = true;
            }
            if (!inCycles.isEmpty()) {
                tells |= inCycles.remove(key);
            }
        }
        if (tells) {
            ops.add(new Taken(thread, to, mode, held, exclusive, needsStack ? stack.get() : null));
        }
    }

    /** Takes in what another record found after what this one has (a subtree this one's search took). */
    @TruffleBoundary
    public void merge(CheckRecord later) {
        for (Object op : later.ops) {
            if (op instanceof Add o) {
                add(o.key, o.finding, o.count);
            } else if (op instanceof Taken t) {
                taken(t.thread(), t.to(), t.mode(), t.held(), t.exclusive(), t::stack);
            }
        }
    }

    /** Applies what was found to the search's checks. */
    @TruffleBoundary
    public void applyTo(Checks checks) {
        for (Object op : ops) {
            if (op instanceof Add a) {
                Finding f = a.finding != null ? a.finding : checks.findings().get(a.key);
                for (int i = 0; i < a.count; i++) {
                    checks.findings().add(f);
                }
            } else if (op instanceof Taken t) {
                checks.lockGraph().taken(t.thread(), t.to(), t.mode(), t.held(), t.exclusive(), t::stack);
            }
        }
    }

    /** What was found, as bytes for the search's process (a record {@link #forAnotherProcess}: nothing refers to a search). */
    @TruffleBoundary
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(ops.size());
        for (Object op : ops) {
            if (op instanceof Add a) {
                out.writeBoolean(true);
                out.writeUTF(a.key);
                out.writeInt(a.count);
                out.writeBoolean(a.finding != null);
                if (a.finding != null) {
                    writeFinding(out, a.finding);
                }
            } else if (op instanceof Taken t) {
                out.writeBoolean(false);
                out.writeUTF(t.thread());
                out.writeUTF(t.to());
                out.writeByte(t.mode() == null ? -1 : t.mode().ordinal());
                writeStrings(out, t.held());
                writeStrings(out, t.exclusive());
                out.writeBoolean(t.stack() != null);
                if (t.stack() != null) {
                    writeStrings(out, t.stack());
                }
            }
        }
    }

    /** A record written by {@link #writeTo}, to apply to the search's checks or merge into its record. */
    @TruffleBoundary
    public static CheckRecord readFrom(DataInput in) throws IOException {
        CheckRecord r = new CheckRecord(null, Set.of());
        for (int n = in.readInt(); n > 0; n--) {
            if (in.readBoolean()) {
                String key = in.readUTF();
                int count = in.readInt();
                Add a = new Add(key, in.readBoolean() ? readFinding(in) : null);
                a.count = count;
                r.adds.put(key, a);
                r.ops.add(a);
            } else {
                String thread = in.readUTF();
                String to = in.readUTF();
                int mode = in.readByte();
                Set<String> held = new LinkedHashSet<>(readStrings(in));
                Set<String> exclusive = new LinkedHashSet<>(readStrings(in));
                List<String> stack = in.readBoolean() ? readStrings(in) : null;
                r.ops.add(new Taken(thread, to, mode < 0 ? null : LockMode.values()[mode], held, exclusive, stack));
            }
        }
        return r;
    }

    private static void writeFinding(DataOutput out, Finding f) throws IOException {
        out.writeByte(f.kind().ordinal());
        writeNullable(out, f.rule());
        writeNullable(out, f.category());
        writeNullable(out, f.title());
        writeNullable(out, f.report());
        writeStrings(out, f.stacks());
        out.writeUTF(f.key());
    }

    private static Finding readFinding(DataInput in) throws IOException {
        Finding.Kind kind = Finding.Kind.values()[in.readByte()];
        return new Finding(kind, readNullable(in), readNullable(in), readNullable(in), readNullable(in), readStrings(in), in.readUTF());
    }

    private static void writeNullable(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLong(out, s);
        }
    }

    private static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    private static void writeStrings(DataOutput out, Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeLong(out, s);
        }
    }

    private static List<String> readStrings(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readLong(in));
        }
        return list;
    }

    /** A string of any length (writeUTF stops at 64 KB; a report can be longer). */
    private static void writeLong(DataOutput out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
