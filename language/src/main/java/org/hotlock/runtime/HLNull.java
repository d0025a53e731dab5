package org.hotlock.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** The guest value {@code null}: what a function without a {@code return} value gives. */
@ExportLibrary(InteropLibrary.class)
public final class HLNull implements TruffleObject {
    public static final HLNull SINGLETON = new HLNull();

    private HLNull() {
    }

    /** The same in every process (a read of null is part of a thread's history: see OptimalExplorer). */
    @Override
    public int hashCode() {
        return 0x6e756c6c;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public String toString() {
        return "null";
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "null";
    }
}
