package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.ArrayList;
import java.util.List;

/** A growable guest list: {@code [1, 2, 3]}. */
@ExportLibrary(InteropLibrary.class)
public final class HLList implements TruffleObject {
    private final ArrayList<Object> elements;

    public HLList() {
        this.elements = new ArrayList<>();
    }

    public HLList(List<?> initial) {
        this.elements = new ArrayList<>(initial);
    }

    @TruffleBoundary
    public Object get(long index) {
        return elements.get((int) index);
    }

    @TruffleBoundary
    public void set(long index, Object value) {
        elements.set((int) index, value);
    }

    @TruffleBoundary
    public void add(Object value) {
        elements.add(value);
    }

    @TruffleBoundary
    public Object removeLast() {
        return elements.removeLast();
    }

    @TruffleBoundary
    public int size() {
        return elements.size();
    }

    public boolean inBounds(long index) {
        return index >= 0 && index < size();
    }

    @TruffleBoundary
    public void replaceAll(List<Object> contents) {
        elements.clear();
        elements.addAll(contents);
    }

    @TruffleBoundary
    public List<Object> snapshot() {
        return List.copyOf(elements);
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
