package org.hotlock.sched;

import org.hotlock.kernel.Event;
import org.hotlock.kernel.FieldKey;
import org.hotlock.kernel.IomemResources;
import org.hotlock.kernel.KernelLock;
import org.hotlock.kernel.LockKind;
import org.hotlock.kernel.LockMode;
import org.hotlock.kernel.SysfsKey;
import org.hotlock.kernel.SysfsTree;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps as bytes, for a search whose subtrees another process explores (explore --cluster).
 * A step names what it touches by identity (see {@link Event#shareable}), so the receiving
 * process rebuilds it with stand-ins: a lock or an object that carries the same identity,
 * which are equal to that process's own (KernelLock and FieldKey compare identities). The
 * stand-ins serve the dependence of partial-order reduction, never a report.
 */
final class PortableEvents {
    /** A value this encoding does not carry: the subtree stays with the search that has it. */
    static final class NotPortable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPortable(Object value) {
            super("not portable: " + (value == null ? "null" : value.getClass().getSimpleName()), null, false, false);
        }
    }

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int INT = 3;
    private static final int BOOLEAN = 4;
    private static final int DOUBLE = 5;
    private static final int GUEST_NULL = 6;
    private static final int LOCK_MODE = 7;
    private static final int NOTE = 8;
    private static final int LOCK = 9;
    private static final int FIELD = 10;
    private static final int OBJECT = 11;
    private static final int SYSFS = 12;
    private static final int THREAD = 13;
    private static final int THREAD_TABLE = 14;
    private static final int IOMEM = 15;
    private static final int SYSFS_TREE = 16;

    /** The stand-in struct types made while reading, by name (one per reader). */
    private final Map<String, StructType> types = new HashMap<>();

    static void write(DataOutput out, Event e) throws IOException {
        if (e == null) {
            out.writeByte(-1);
            return;
        }
        out.writeByte(e.kind().ordinal());
        out.writeInt(e.thread());
        out.writeBoolean(e.write());
        writeValue(out, e.object());
        writeValue(out, e.detail());
    }

    Event read(DataInput in) throws IOException {
        int kind = in.readByte();
        if (kind < 0) {
            return null;
        }
        int thread = in.readInt();
        boolean write = in.readBoolean();
        Object object = readValue(in);
        return new Event(thread, Event.Kind.values()[kind], object, write, readValue(in));
    }

    private static void writeValue(DataOutput out, Object v) throws IOException {
        switch (v) {
            case null -> out.writeByte(NULL);
            case String s -> {
                out.writeByte(STRING);
                out.writeUTF(s);
            }
            case Long l -> {
                out.writeByte(LONG);
                out.writeLong(l);
            }
            case Integer i -> {
                out.writeByte(INT);
                out.writeInt(i);
            }
            case Boolean b -> {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            }
            case Double d -> {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            }
            case HLNull n -> out.writeByte(GUEST_NULL);
            case LockMode m -> {
                out.writeByte(LOCK_MODE);
                out.writeByte(m.ordinal());
            }
            case Event.Note n -> {
                out.writeByte(NOTE);
                out.writeByte(n.what().ordinal());
                out.writeUTF(n.text());
            }
            case KernelLock l when l.identity() != 0 -> {
                out.writeByte(LOCK);
                out.writeLong(l.identity());
                out.writeUTF(l.name());
                out.writeUTF(l.lockClass());
                out.writeByte(l.kind().ordinal());
            }
            case FieldKey k when k.object().identity() != 0 -> {
                out.writeByte(FIELD);
                writeObject(out, k.object());
                out.writeInt(k.field());
            }
            case HLObject o when o.identity() != 0 -> {
                out.writeByte(OBJECT);
                writeObject(out, o);
            }
            case SysfsKey k -> {
                out.writeByte(SYSFS);
                out.writeUTF(k.directory());
            }
            case SysfsTree t -> {
                out.writeByte(SYSFS_TREE);
                out.writeUTF(t.root().directory());
            }
            case Scheduler.ThreadKey k -> {
                out.writeByte(THREAD);
                out.writeInt(k.id());
            }
            case Scheduler.ThreadTable t -> out.writeByte(THREAD_TABLE);
            case IomemResources.Table t -> out.writeByte(IOMEM);
            default -> throw new NotPortable(v);
        }
    }

    private static void writeObject(DataOutput out, HLObject o) throws IOException {
        out.writeLong(o.identity());
        StructType type = o.type();
        out.writeUTF(type.name());
        out.writeShort(type.fieldCount());
        for (String f : type.fieldNames()) {
            out.writeUTF(f);
        }
    }

    private Object readValue(DataInput in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> in.readUTF();
            case LONG -> in.readLong();
            case INT -> in.readInt();
            case BOOLEAN -> in.readBoolean();
            case DOUBLE -> in.readDouble();
            case GUEST_NULL -> HLNull.SINGLETON;
            case LOCK_MODE -> LockMode.values()[in.readByte()];
            case NOTE -> new Event.Note(Event.Note.What.values()[in.readByte()], in.readUTF());
            case LOCK -> {
                long identity = in.readLong();
                KernelLock lock = new KernelLock(in.readUTF(), in.readUTF(), LockKind.values()[in.readByte()]);
                lock.identify(identity);
                yield lock;
            }
            case FIELD -> new FieldKey(readObject(in), in.readInt());
            case OBJECT -> readObject(in);
            case SYSFS -> new SysfsKey(in.readUTF());
            case SYSFS_TREE -> new SysfsTree(new SysfsKey(in.readUTF()));
            case THREAD -> new Scheduler.ThreadKey(in.readInt());
            case THREAD_TABLE -> Scheduler.SPAWNS;
            case IOMEM -> IomemResources.TABLE;
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private HLObject readObject(DataInput in) throws IOException {
        long identity = in.readLong();
        String name = in.readUTF();
        String[] fields = new String[in.readShort()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = in.readUTF();
        }
        StructType type = types.computeIfAbsent(name, n -> new StructType(n, List.of(fields)));
        HLObject o = new HLObject(type);
        o.identify(identity);
        return o;
    }
}
