package org.hotlock.sched;

import org.hotlock.kernel.Event;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subtree handed over ({@link OptimalExplorer.Subtree}: the path down to its state with the
 * sleep sets there, its wakeup tree, what the search had learned about trylocks) and what a
 * search of it found ({@link OptimalExplorer.Explored}, without the checks' record, which the
 * layer that runs the checks writes), as bytes: for a search whose subtrees other processes
 * explore. Read back, each is what it was, with steps rebuilt by {@link PortableEvents}.
 */
public final class PortableSubtrees {
    private PortableSubtrees() {
    }

    /** Writes the subtree; an IOException when a value on its steps has no encoding (it stays with its search). */
    public static void write(DataOutput out, OptimalExplorer.Subtree s) throws IOException {
        try {
            out.writeInt(s.depth);
            for (int i = 0; i < s.depth; i++) {
                out.writeInt(s.threads[i]);
                PortableEvents.write(out, s.events[i]);
            }
            for (Event[] sleep : s.sleeps) {
                writeEvents(out, sleep);
            }
            writeBranch(out, s.root);
            writeFacts(out, s.learned);
        } catch (PortableEvents.NotPortable e) {
            throw new IOException(e.getMessage());
        }
    }

    public static OptimalExplorer.Subtree readSubtree(DataInput in) throws IOException {
        PortableEvents events = new PortableEvents();
        int depth = in.readInt();
        int[] threads = new int[depth];
        Event[] evs = new Event[depth];
        for (int i = 0; i < depth; i++) {
            threads[i] = in.readInt();
            evs[i] = events.read(in);
        }
        Event[][] sleeps = new Event[depth + 1][];
        for (int i = 0; i <= depth; i++) {
            sleeps[i] = readEvents(in, events).toArray(Event[]::new);
        }
        OptimalExplorer.Branch root = readBranch(in, events);
        return new OptimalExplorer.Subtree(depth, threads, evs, sleeps, root, readFacts(in));
    }

    public static void write(DataOutput out, OptimalExplorer.Explored x) throws IOException {
        try {
            out.writeLong(x.executions);
            out.writeLong(x.redundant);
            out.writeLong(x.learned);
            out.writeLong(x.mismatches);
            out.writeInt(x.maxDepth);
            out.writeBoolean(x.failed);
            PortableEvents.write(out, x.firstEvent);
            out.writeInt(x.outside.size());
            for (OptimalExplorer.Outside o : x.outside) {
                out.writeInt(o.at());
                writeEvents(out, o.schedule().toArray(Event[]::new));
            }
            writeFacts(out, x.facts);
            out.writeInt(x.unknown.size());
            for (long key : x.unknown) {
                out.writeLong(key);
            }
        } catch (PortableEvents.NotPortable e) {
            throw new IOException(e.getMessage());
        }
    }

    public static OptimalExplorer.Explored readExplored(DataInput in) throws IOException {
        PortableEvents events = new PortableEvents();
        OptimalExplorer.Explored x = new OptimalExplorer.Explored();
        x.executions = in.readLong();
        x.redundant = in.readLong();
        x.learned = in.readLong();
        x.mismatches = in.readLong();
        x.maxDepth = in.readInt();
        x.failed = in.readBoolean();
        x.firstEvent = events.read(in);
        for (int n = in.readInt(); n > 0; n--) {
            int at = in.readInt();
            x.outside.add(new OptimalExplorer.Outside(at, readEvents(in, events)));
        }
        x.facts.putAll(readFacts(in));
        for (int n = in.readInt(); n > 0; n--) {
            x.unknown.add(in.readLong());
        }
        return x;
    }

    private static void writeEvents(DataOutput out, Event[] events) throws IOException {
        out.writeInt(events.length);
        for (Event e : events) {
            PortableEvents.write(out, e);
        }
    }

    private static List<Event> readEvents(DataInput in, PortableEvents events) throws IOException {
        int n = in.readInt();
        List<Event> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(events.read(in));
        }
        return list;
    }

    private static void writeBranch(DataOutput out, OptimalExplorer.Branch b) throws IOException {
        out.writeInt(b.thread);
        PortableEvents.write(out, b.event);
        out.writeBoolean(b.raced);
        out.writeInt(b.children.size());
        for (OptimalExplorer.Branch c : b.children) {
            writeBranch(out, c);
        }
    }

    private static OptimalExplorer.Branch readBranch(DataInput in, PortableEvents events) throws IOException {
        OptimalExplorer.Branch b = new OptimalExplorer.Branch(in.readInt(), events.read(in));
        b.raced = in.readBoolean();
        for (int n = in.readInt(); n > 0; n--) {
            b.children.add(readBranch(in, events));
        }
        return b;
    }

    private static void writeFacts(DataOutput out, Map<Long, Boolean> facts) throws IOException {
        out.writeInt(facts.size());
        for (Map.Entry<Long, Boolean> f : facts.entrySet()) {
            out.writeLong(f.getKey());
            out.writeBoolean(f.getValue());
        }
    }

    private static Map<Long, Boolean> readFacts(DataInput in) throws IOException {
        int n = in.readInt();
        Map<Long, Boolean> facts = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            facts.put(in.readLong(), in.readBoolean());
        }
        return facts;
    }
}
