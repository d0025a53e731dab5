package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

/** Converts values that cross the polyglot boundary into HotLock's own value types. */
public final class HostValues {
    private HostValues() {
    }

    @TruffleBoundary
    public static Object toGuest(Object value) throws UnsupportedTypeException {
        if (value instanceof Long || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Integer i) {
            return (long) i;
        }
        if (value instanceof Short s) {
            return (long) s;
        }
        if (value instanceof Byte b) {
            return (long) b;
        }
        if (value instanceof Character c) {
            return String.valueOf(c);
        }
        InteropLibrary lib = InteropLibrary.getUncached();
        try {
            if (lib.isNull(value)) {
                return HLNull.SINGLETON;
            }
            if (lib.isString(value)) {
                return lib.asString(value);
            }
            if (lib.fitsInLong(value)) {
                return lib.asLong(value);
            }
            if (lib.isBoolean(value)) {
                return lib.asBoolean(value);
            }
        } catch (UnsupportedMessageException e) {
            throw UnsupportedTypeException.create(new Object[]{value});
        }
        // Guest objects, functions and foreign objects pass through unchanged.
        return value;
    }
}
