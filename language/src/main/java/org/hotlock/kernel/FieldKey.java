package org.hotlock.kernel;

import org.hotlock.runtime.HLObject;

/**
 * A field of one object: the unit of shared state races and dependence are computed on. An
 * object made during an execution is a new one in every execution; its identity (which thread
 * made it, and which of that thread's objects it is) makes it the same field across them.
 */
public record FieldKey(HLObject object, int field) {
    /** The field's class, as reports name it: {@code zone.present_pages}. */
    public String qualifiedName() {
        return object.type().qualifiedName(field);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FieldKey k) || k.field != field) {
            return false;
        }
        long id = object.identity();
        return id != 0 ? id == k.object.identity() : k.object == object;
    }

    @Override
    public int hashCode() {
        long id = object.identity();
        return (id != 0 ? Long.hashCode(id) : System.identityHashCode(object)) * 31 + field;
    }
}
