package org.hotlock.kernel;

import org.hotlock.runtime.HLObject;

/** A field of one object: the unit of shared state races and dependence are computed on. */
public record FieldKey(HLObject object, int field) {
    @Override
    public boolean equals(Object o) {
        return o instanceof FieldKey k && k.object == object && k.field == field;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(object) * 31 + field;
    }
}
