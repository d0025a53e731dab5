package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import java.util.IdentityHashMap;
import java.util.Map;

/** How guest values print: the echo in the REPL, {@code print}, string concatenation. */
public final class Display {
    private static final int MAX_DEPTH = 3;

    private Display() {
    }

    @TruffleBoundary
    public static String show(Object value) {
        // the usual values first, without a builder or a map of the objects seen
        if (value instanceof String s) {
            return s;
        } else if (value instanceof Long l) {
            return l.toString();
        }
        StringBuilder sb = new StringBuilder();
        append(sb, value, false, 0, new IdentityHashMap<>());
        return sb.toString();
    }

    /** Like {@link #show} but strings are quoted, as inside a list or struct. */
    @TruffleBoundary
    public static String showNested(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, true, 0, new IdentityHashMap<>());
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value, boolean quote, int depth, Map<Object, Boolean> seen) {
        if (value instanceof String s) {
            if (quote) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
            } else {
                sb.append(s);
            }
        } else if (value instanceof HLRange r) {
            sb.append(hex(r.start())).append("..").append(hex(r.end()));
        } else if (value instanceof HLList list) {
            if (seen.put(list, Boolean.TRUE) != null || depth > MAX_DEPTH) {
                sb.append("[...]");
                return;
            }
            sb.append('[');
            int n = list.size();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, list.get(i), true, depth + 1, seen);
            }
            sb.append(']');
            seen.remove(list);
        } else if (value instanceof HLObject obj) {
            StructType type = obj.type();
            if (seen.put(obj, Boolean.TRUE) != null || depth >= MAX_DEPTH) {
                sb.append(type.name()).append(" {...}");
                return;
            }
            sb.append(type.name()).append(" {");
            for (int i = 0; i < type.fieldCount(); i++) {
                sb.append(i == 0 ? " " : ", ").append(type.fieldName(i)).append(": ");
                append(sb, obj.get(i), true, depth + 1, seen);
            }
            sb.append(type.fieldCount() == 0 ? "}" : " }");
            seen.remove(obj);
        } else if (value == null) {
            sb.append("null");
        } else {
            sb.append(value);
        }
    }

    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** The guest type name used in error messages. */
    @TruffleBoundary
    public static String typeName(Object value) {
        if (value instanceof Long) {
            return "int";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof HLNull) {
            return "null";
        } else if (value instanceof HLList) {
            return "list";
        } else if (value instanceof HLRange) {
            return "range";
        } else if (value instanceof HLFunction) {
            return "fn";
        } else if (value instanceof HLObject o) {
            return o.type().name();
        } else if (value instanceof GuestNamed n) {
            return n.guestTypeName();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
