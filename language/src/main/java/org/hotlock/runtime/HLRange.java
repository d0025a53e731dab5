package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** A half-open range {@code start..end}, as physical address ranges are written: {@code 4G..8G}. */
@ExportLibrary(InteropLibrary.class)
public final class HLRange implements TruffleObject {
    private final long start;
    private final long end;

    public HLRange(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    /** end - start, or 0 for an empty range; ArithmeticException when it does not fit in 64 bits. */
    public long size() {
        return end <= start ? 0 : Math.subtractExact(end, start);
    }

    public boolean contains(long value) {
        return value >= start && value < end;
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Display.show(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HLRange r && r.start == start && r.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Display.show(this);
    }
}
