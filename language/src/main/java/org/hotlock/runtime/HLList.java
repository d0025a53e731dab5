package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.Arrays;
import java.util.List;

/**
 * A growable guest list: {@code [1, 2, 3]}. Backed by an array and a length, so reading,
 * writing and iterating compile to array accesses; only growing calls out of compiled code.
 */
@ExportLibrary(InteropLibrary.class)
public final class HLList implements TruffleObject {
    private static final Object[] EMPTY = new Object[0];

    private Object[] elements;
    private int size;
    /** The journal of the snapshot that watches this list, or null; see {@link ChangeJournal}. */
    private ChangeJournal journal;
    private boolean changed;

    private void written() {
        ChangeJournal j = journal;
        if (j != null && !changed) {
            changed = true;
            j.changed(this);
        }
    }

    /** From now on the first change after each restore is told to the journal. */
    public void watch(ChangeJournal by) {
        journal = by;
        changed = false;
    }

    void unchanged() {
        changed = false;
    }

    public HLList() {
        this.elements = EMPTY;
    }

    public HLList(List<?> initial) {
        this.elements = initial.toArray();
        this.size = elements.length;
    }

    private HLList(Object[] elements) {
        this.elements = elements;
        this.size = elements.length;
    }

    /** A list of the given elements, which it owns from now on. */
    public static HLList of(Object... elements) {
        return new HLList(elements);
    }

    /** The element at an index the caller has checked with {@link #inBounds}. */
    public Object get(long index) {
        return elements[(int) index];
    }

    /** Replaces the element at an index the caller has checked with {@link #inBounds}. */
    public void set(long index, Object value) {
        elements[(int) index] = value;
        written();
    }

    public void add(Object value) {
        if (size == elements.length) {
            grow();
        }
        elements[size++] = value;
        written();
    }

    /** The most elements a list may hold: a list grown in an endless loop must not fill the heap. */
    public static final int MAX_SIZE = 1 << 24;

    @TruffleBoundary
    private void grow() {
        if (elements.length >= MAX_SIZE) {
            throw new BuiltinError("a list may hold at most " + MAX_SIZE + " elements (a list grown in an endless loop?)");
        }
        elements = Arrays.copyOf(elements, Math.min(MAX_SIZE, Math.max(4, elements.length * 2)));
    }

    /** Removes and returns the last element of a list the caller knows is not empty. */
    public Object removeLast() {
        Object last = elements[--size];
        elements[size] = null;
        written();
        return last;
    }

    public int size() {
        return size;
    }

    public boolean inBounds(long index) {
        return index >= 0 && index < size;
    }

    @TruffleBoundary
    public void replaceAll(List<Object> contents) {
        elements = contents.toArray();
        size = elements.length;
        written();
    }

    /** Back to saved elements (copied in: the saved array stays as it was). */
    public void restore(Object[] saved) {
        if (elements.length < saved.length) {
            elements = new Object[saved.length];
        }
        System.arraycopy(saved, 0, elements, 0, saved.length);
        Arrays.fill(elements, saved.length, size < saved.length ? saved.length : size, null);
        size = saved.length;
    }

    /** The elements as they are now, in a copy later changes to the list do not affect. */
    public Object[] toArray() {
        return Arrays.copyOf(elements, size);
    }

    /** The elements as they are now, as an unmodifiable list. */
    @TruffleBoundary
    public List<Object> snapshot() {
        return List.of(toArray());
    }

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return size();
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return inBounds(index);
    }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (!inBounds(index)) {
            throw InvalidArrayIndexException.create(index);
        }
        return get(index);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return Display.show(this);
    }
}
