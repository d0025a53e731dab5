package org.hotlock.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.RootNode;
import org.hotlock.runtime.HLList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local variables of a running function (its parameters and {@code var}s) as a debugger
 * shows them: every named slot of its frame that holds a value, the innermost of two
 * namesakes winning. Struct values are interop objects, so their fields unfold too.
 */
@ExportLibrary(InteropLibrary.class)
final class LocalScope implements TruffleObject {
    private final String function;
    private final Class<? extends TruffleLanguage<?>> language;
    /** Name to value, in the order the function declares them; without a frame, the names only. */
    private final Map<String, Object> locals;

    private LocalScope(String function, Class<? extends TruffleLanguage<?>> language, Map<String, Object> locals) {
        this.function = function;
        this.language = language;
        this.locals = locals;
    }

    @TruffleBoundary
    static LocalScope of(RootNode root, MaterializedFrame frame) {
        FrameDescriptor descriptor = root.getFrameDescriptor();
        Map<String, Object> locals = new LinkedHashMap<>();
        for (int slot = 0; slot < descriptor.getNumberOfSlots(); slot++) {
            if (!(descriptor.getSlotName(slot) instanceof String name)) {
                continue;
            }
            Object value = frame == null ? null : frame.getValue(slot);
            if (frame == null || value != null) {
                locals.put(name, value);
            }
        }
        return new LocalScope(root.getName(), root instanceof HLRootNode h ? h.languageClass() : null, locals);
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return language != null;
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
        return new HLList(new ArrayList<Object>(locals.keySet()));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return locals.get(member) != null;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object value = locals.get(member);
        if (value == null) {
            throw UnknownIdentifierException.create(member);
        }
        return value;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return function;
    }
}
