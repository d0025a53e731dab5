package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.Arrays;

/**
 * An instance of a struct: a {@code struct memory_block}, a {@code struct zone}, or a script's
 * own. The simulated kernel creates its objects as instances of struct types too, so model
 * code reads {@code mem->state} as {@code mem.state} with the same nodes as user code.
 */
@ExportLibrary(InteropLibrary.class)
public class HLObject implements TruffleObject {
    private final StructType type;
    private final Object[] values;

    /**
     * Which object this is across the executions of a scenario, for one made during one (0
     * otherwise: the object itself is the same in every execution). See Kernel#identify.
     */
    private long identity;
    /** The journal of the snapshot that watches this object, or null; see {@link ChangeJournal}. */
    private ChangeJournal journal;
    private boolean changed;

    public HLObject(StructType type) {
        this.type = type;
        this.values = new Object[type.fieldCount()];
        Arrays.fill(values, HLNull.SINGLETON);
    }

    public final long identity() {
        return identity;
    }

    public final void identify(long id) {
        this.identity = id;
    }

    public final StructType type() {
        return type;
    }

    public final Object get(int index) {
        return values[index];
    }

    public final void set(int index, Object value) {
        values[index] = value;
        written();
    }

    private void written() {
        ChangeJournal j = journal;
        if (j != null && !changed) {
            changed = true;
            j.changed(this);
        }
    }

    /** From now on the first write after each restore is told to the journal. */
    public final void watch(ChangeJournal by) {
        journal = by;
        changed = false;
    }

    final void unchanged() {
        changed = false;
    }

    /** Puts saved field values back, without telling the journal (the snapshot restores). */
    public final void restore(Object[] saved) {
        System.arraycopy(saved, 0, values, 0, values.length);
    }

    @TruffleBoundary
    public final Object get(String field) {
        int i = type.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException(type.name() + " has no field " + field);
        }
        return values[i];
    }

    @TruffleBoundary
    public final void set(String field, Object value) {
        int i = type.indexOf(field);
        if (i < 0) {
            throw new IllegalArgumentException(type.name() + " has no field " + field);
        }
        values[i] = value;
        written();
    }

    public final long getLong(int index) {
        return (Long) values[index];
    }

    @ExportMessage
    final boolean hasMembers() {
        return true;
    }

    @ExportMessage
    final Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new HLList(type.fieldNames());
    }

    @ExportMessage
    final boolean isMemberReadable(String member) {
        return type.indexOf(member) >= 0;
    }

    @ExportMessage
    final Object readMember(String member) throws UnknownIdentifierException {
        int i = type.indexOf(member);
        if (i < 0) {
            throw UnknownIdentifierException.create(member);
        }
        return values[i];
    }

    @ExportMessage
    final boolean hasMetaObject() {
        return false;
    }

    @ExportMessage
    final Object getMetaObject() throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    @TruffleBoundary
    final Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Display.show(this);
    }
}
