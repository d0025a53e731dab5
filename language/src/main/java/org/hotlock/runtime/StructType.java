package org.hotlock.runtime;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.nodes.Node;

import java.util.Arrays;
import java.util.List;

/**
 * The layout of a struct: its name and ordered field names. Field access nodes cache the type
 * and the index, so reading {@code zone.present_pages} is an array load after warm-up.
 * A field may be declared shared kernel state; accesses to it are reported to the
 * {@link SharedAccessListener} of the context (scheduling points and race checks hang there).
 * Which fields are shared is a compilation constant, guarded by {@link #sharedUnchanged()}.
 * <p>
 * The kernel's layouts (and those its model sources declare) belong to the language, not a
 * context, so the model's code shared by the contexts of an engine sees one layout per struct:
 * those are {@linkplain #fix() fixed}, and no script may mark more of their fields shared.
 */
public final class StructType {
    private final String name;
    @CompilationFinal(dimensions = 1) private final String[] fields;
    /** {@code type.field} of each field, made once: rules and reports name fields so. */
    private final String[] qualified;
    @CompilationFinal(dimensions = 1) private final boolean[] shared;
    /** Shared fields the kernel reads and writes atomically (an atomic_t, READ_ONCE/WRITE_ONCE): no data race. */
    private final boolean[] atomic;
    private final Object[] defaults;
    @CompilationFinal private Assumption sharedUnchanged;
    private volatile boolean fixed;

    public StructType(String name, List<String> fields) {
        this.name = name;
        this.fields = fields.toArray(String[]::new);
        this.qualified = new String[this.fields.length];
        for (int i = 0; i < qualified.length; i++) {
            qualified[i] = name + "." + this.fields[i];
        }
        this.shared = new boolean[this.fields.length];
        this.atomic = new boolean[this.fields.length];
        this.defaults = new Object[this.fields.length];
        this.sharedUnchanged = Truffle.getRuntime().createAssumption("shared fields of " + name);
        Arrays.fill(defaults, HLNull.SINGLETON);
    }

    /** Valid while no further field is marked shared: compiled field accesses depend on it. */
    public Assumption sharedUnchanged() {
        return sharedUnchanged;
    }

    /** From now on the layout is the language's: its shared fields are final. */
    public void fix() {
        fixed = true;
    }

    /** A layout of the language's (the kernel's and its models' structs). */
    public boolean fixed() {
        return fixed;
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

    /** {@code type.field}, as rules name the field. */
    public String qualifiedName(int index) {
        return qualified[index];
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

    /** Whether a shared field is accessed atomically: its accesses are steps, but never a data race. */
    public boolean isAtomic(int index) {
        return atomic[index];
    }

    /** The model's own declaration of a shared field of its struct: allowed on its fixed layout, once for all contexts. */
    @TruffleBoundary
    public synchronized void markByModel(int index, boolean atomicAccess) {
        if (!shared[index]) {
            shared[index] = true;
            Assumption old = sharedUnchanged;
            sharedUnchanged = Truffle.getRuntime().createAssumption("shared fields of " + name);
            old.invalidate();
        }
        atomic[index] |= atomicAccess;
    }

    /** Marks a field shared and atomic (see {@link #markShared}). */
    @TruffleBoundary
    public synchronized void markAtomic(int index) {
        markShared(index);
        atomic[index] = true;
    }

    /** Marks a field shared; a fixed layout's shared fields cannot change (the caller checks). */
    @TruffleBoundary
    public synchronized void markShared(int index) {
        if (shared[index]) {
            return;
        }
        if (fixed) {
            throw new IllegalStateException(name + " is a fixed layout");
        }
        shared[index] = true;
        Assumption old = sharedUnchanged;
        sharedUnchanged = Truffle.getRuntime().createAssumption("shared fields of " + name);
        old.invalidate();
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
