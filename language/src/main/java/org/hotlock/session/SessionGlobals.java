package org.hotlock.session;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HostValues;
import org.hotlock.runtime.StructType;

import java.util.List;
import java.util.Map;

/** The globals as the REPL's /vars, /fns and completion see them, and the REPL's {@code $1}, {@code $2}. */
final class SessionGlobals {
    /** Longer values are cut: a listing line, not the whole of a big list. */
    private static final int LONGEST_TEXT = 200;

    private SessionGlobals() {
    }

    /** Every defined global as {@code [name, type, value text, builtin, origin]}, in the order names were first seen. */
    @TruffleBoundary
    static HLList describe(HotLockContext context) {
        HLList result = new HLList();
        for (Map.Entry<String, Object> global : context.definedGlobals().entrySet()) {
            Object value = global.getValue();
            String text = Display.showNested(value);
            if (text.length() > LONGEST_TEXT) {
                text = text.substring(0, LONGEST_TEXT - 3) + "...";
            }
            boolean builtin = value instanceof HLFunction function && function.isBuiltin();
            String origin = context.modelOrigin(context.globalIndex(global.getKey()));
            result.add(new HLList(List.of(global.getKey(), Display.typeName(value), text, builtin, origin == null ? "" : origin)));
        }
        return result;
    }

    /** Every struct type as {@code [name, fields, origin]}: the kernel model's and the script's. */
    @TruffleBoundary
    static HLList structs(HotLockContext context) {
        HLList result = new HLList();
        for (StructType type : context.structs().values()) {
            String origin = context.modelStructOrigin(type.name());
            result.add(new HLList(List.of(type.name(), String.join(", ", type.fieldNames()), origin == null ? "" : origin)));
        }
        return result;
    }

    /** Defines a global variable; returns the value as the guest holds it. */
    @TruffleBoundary
    static Object define(HotLockContext context, String name, Object value) throws UnsupportedTypeException {
        Object guestValue = HostValues.toGuest(value);
        context.writeGlobal(context.globalIndex(name), guestValue);
        return guestValue;
    }
}
