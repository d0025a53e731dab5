package org.hotlock.context;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HostValues;

import java.util.ArrayList;

/**
 * The globals of a context as an interop scope: what {@code context.getBindings("hotlock")}
 * shows an embedder. Reading a member reads a global; writing one defines it, so a host can
 * pass values and callbacks in.
 */
@ExportLibrary(InteropLibrary.class)
public final class GlobalScope implements TruffleObject {
    private final HotLockContext context;
    private final Class<? extends TruffleLanguage<?>> language;

    public GlobalScope(HotLockContext context, Class<? extends TruffleLanguage<?>> language) {
        this.context = context;
        this.language = language;
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return language;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new HLList(new ArrayList<Object>(context.definedGlobals().keySet()));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return context.lookup(member) != HotLockContext.UNDEFINED;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object v = context.lookup(member);
        if (v == HotLockContext.UNDEFINED) {
            throw UnknownIdentifierException.create(member);
        }
        return v;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) {
        return isMemberReadable(member) && !context.isConstant(context.globalIndex(member));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInsertable(String member) {
        return !isMemberReadable(member);
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnsupportedTypeException {
        context.writeGlobal(context.globalIndex(member), HostValues.toGuest(value));
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "global scope";
    }
}
