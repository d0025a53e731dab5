package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

import java.util.Arrays;
import java.util.List;

/**
 * The layout of a struct: its name and ordered field names. Field access nodes cache the type
 * and the index, so reading {@code zone.present_pages} is an array load after warm-up.
 * A field may be declared shared kernel state; accesses to it are reported to the
 * {@link SharedAccessListener} of the context (scheduling points and race checks hang there).
 */
public final class StructType {
    private final String name;
    private final String[] fields;
    private final boolean[] shared;
    private final Object[] defaults;

    public StructType(String name, List<String> fields) {
        this.name = name;
        this.fields = fields.toArray(String[]::new);
        this.shared = new boolean[this.fields.length];
        this.defaults = new Object[this.fields.length];
        Arrays.fill(defaults, HLNull.SINGLETON);
    }

    /** Sets a field's default. Defaults are evaluated once, when the struct is declared. */
    public void setDefault(int index, Object value) {
        defaults[index] = value;
    }

    /** A new instance with every field at its default; a list default is copied per instance. */
    public HLObject instantiate() {
        HLObject object = new HLObject(this);
        for (int i = 0; i < defaults.length; i++) {
            Object d = defaults[i];
            object.set(i, d instanceof HLList list ? copy(list) : d);
        }
        return object;
    }

    @TruffleBoundary
    private static HLList copy(HLList list) {
        return new HLList(list.snapshot());
    }

    public String name() {
        return name;
    }

    public int fieldCount() {
        return fields.length;
    }

    public String fieldName(int index) {
        return fields[index];
    }

    public List<String> fieldNames() {
        return List.of(fields);
    }

    @TruffleBoundary
    public int indexOf(String field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of a field, or a located error that lists the fields there are. */
    @TruffleBoundary
    public int fieldIndexOrError(String field, Node location) {
        int index = indexOf(field);
        if (index < 0) {
            throw new HLException(name + " has no field '" + field + "' (fields: " + String.join(", ", fields) + ")", location);
        }
        return index;
    }

    public boolean isShared(int index) {
        return shared[index];
    }

    public void markShared(int index) {
        shared[index] = true;
    }

    /** Same name and fields: a REPL redefinition that changed nothing keeps existing objects valid. */
    public boolean sameLayout(StructType other) {
        return other != null && other.name.equals(name) && Arrays.equals(other.fields, fields);
    }

    @Override
    public String toString() {
        return "struct " + name;
    }
}
