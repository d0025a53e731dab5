package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code shared zone.present_pages}: the field is shared state: every access is a scheduling
 * point, is checked for races and by the rules that name it. {@code shared atomic T.F}: the
 * kernel accesses it atomically (an atomic_t, READ_ONCE/WRITE_ONCE): a scheduling point and
 * checked by rules, never a data race.
 */
@NodeInfo(shortName = "shared")
public final class SharedDeclarationNode extends HLExpressionNode {
    private final String type;
    private final String field;
    private final boolean atomic;
    /** Declared by a kernel model, of its own struct: it marks the layout every context shares. */
    private final boolean model;

    public SharedDeclarationNode(String type, String field, boolean atomic, boolean model) {
        this.type = type;
        this.field = field;
        this.atomic = atomic;
        this.model = model;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return mark(context());
    }

    private static String sharedFields(StructType t) {
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < t.fieldCount(); i++) {
            if (t.isShared(i)) {
                shared.add(t.fieldName(i));
            }
        }
        return shared.isEmpty() ? "none is" : String.join(", ", shared) + (shared.size() == 1 ? " is" : " are");
    }

    @TruffleBoundary
    private Object mark(HotLockContext context) {
        StructType t = context.struct(type);
        if (t == null) {
            throw new HLException("unknown struct '" + type + "'", this);
        }
        int index = t.indexOf(field);
        if (index < 0) {
            throw new HLException(type + " has no field '" + field + "' (fields: " + String.join(", ", t.fieldNames()) + ")", this);
        }
        if (model && t.fixed()) {
            // the model's declarations run alike in every context: the first marks the layout
            t.markByModel(index, atomic);
        }
        if (t.fixed() && (!t.isShared(index) || atomic != t.isAtomic(index))) {
            throw new HLException("struct " + type + " is the kernel model's: which of its fields are shared is fixed by the model ("
                    + sharedFields(t) + "); declare a struct of your own for state of your own", this);
        }
        if (!atomic && t.isAtomic(index)) {
            throw new HLException(type + "." + field + " is declared shared atomic already", this);
        }
        if (atomic) {
            t.markAtomic(index);
        } else {
            t.markShared(index);
        }
        return "shared " + (atomic ? "atomic " : "") + type + "." + field;
    }
}
