package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLObject;

/**
 * Kernel structs as the simulator reads them: a block's state by name, a shared field as a
 * report names it ({@code node0.Normal.present_pages}), an integer field that a script may
 * have overwritten with something else.
 */
public final class KernelObjects {
    public static final int MEM_ONLINE = 1;
    public static final int MEM_GOING_OFFLINE = 2;
    public static final int MEM_OFFLINE = 4;

    private KernelObjects() {
    }


    /** A block state reads as its name; everything else as it prints. */
    @TruffleBoundary
    public static String describeValue(HLObject object, int field, Object value) {
        if (object.type().name().equals("memory_block") && object.type().fieldName(field).equals("state") && value instanceof Long l) {
            return stateName(l);
        }
        return Display.show(value);
    }

    /** {@code node0.Normal.present_pages}, {@code memory32.state}: how reports name a shared field. */
    @TruffleBoundary
    public static String describeField(HLObject object, int field) {
        String owner;
        if (object.type().name().equals("zone")) {
            owner = "node" + object.get("nid") + "." + object.get("name");
        } else if (object.type().name().equals("memory_block")) {
            owner = "memory" + object.get("phys_index");
        } else if (object.type().name().equals("pglist_data")) {
            owner = "node" + object.get("node_id");
        } else {
            owner = object.type().name();
        }
        return owner + "." + object.type().fieldName(field);
    }

    /**
     * An integer field of a kernel struct. Scripts can assign any value to a field, so a
     * kernel object may hold a string where the kernel keeps a number: that is a located
     * guest error, not a Java one.
     */
    @TruffleBoundary
    /** An int field by its index, as {@link #num(HLObject, String)} reads one by name. */
    public static long num(HLObject object, int index) {
        return object.get(index) instanceof Long l ? l : num(object, object.type().fieldName(index));
    }

    public static long num(HLObject object, String field) {
        Object v = object.get(field);
        if (v instanceof Long l) {
            return l;
        }
        throw new HLException("kernel state corrupted: " + object.type().name() + "." + field + " holds "
                + Display.typeName(v) + " " + Display.showNested(v) + ", not an int", null);
    }

    public static String stateName(long state) {
        return switch ((int) state) {
            case MEM_ONLINE -> "online";
            case MEM_GOING_OFFLINE -> "going-offline";
            case MEM_OFFLINE -> "offline";
            default -> "ERROR-UNKNOWN-" + state;
        };
    }
}
