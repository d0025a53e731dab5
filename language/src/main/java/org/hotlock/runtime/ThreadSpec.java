package org.hotlock.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import org.hotlock.runtime.GuestNamed;
import org.hotlock.runtime.HLFunction;

/** A declared guest thread: {@code thread probe { ... }}. Its body runs once per execution. */
@ExportLibrary(InteropLibrary.class)
public final class ThreadSpec implements TruffleObject, GuestNamed {
    private final String name;
    private final HLFunction body;

    public ThreadSpec(String name, HLFunction body) {
        this.name = name;
        this.body = body;
    }

    public String name() {
        return name;
    }

    public HLFunction body() {
        return body;
    }

    @Override
    public String guestTypeName() {
        return "thread";
    }

    @Override
    public String toString() {
        return "thread " + name;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "thread " + name;
    }
}
