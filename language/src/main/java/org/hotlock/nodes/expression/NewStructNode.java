package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

/**
 * {@code new zone { name: "Normal", present_pages: 0 }}: fields not given take the defaults of
 * the struct declaration, then {@code null}.
 */
@NodeInfo(shortName = "new")
public final class NewStructNode extends HLExpressionNode {
    private final String typeName;
    @CompilationFinal(dimensions = 1) private final String[] fieldNames;
    @Children private final HLExpressionNode[] values;
    @CompilationFinal private StructType cachedType;
    @CompilationFinal(dimensions = 1) private int[] cachedIndices;

    public NewStructNode(String typeName, String[] fieldNames, HLExpressionNode[] values) {
        this.typeName = typeName;
        this.fieldNames = fieldNames;
        this.values = values;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        HotLockContext context = context();
        StructType type = lookup(context);
        if (type != cachedType) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            cachedIndices = indices(type);
            cachedType = type;
        }
        HLObject object = type.instantiate();
        if (context.kernel() != null) {
            identify(context, object);
        }
        int[] indices = cachedIndices;
        for (int i = 0; i < values.length; i++) {
            object.set(indices[i], values[i].executeGeneric(frame));
        }
        return object;
    }

    @TruffleBoundary
    private static void identify(HotLockContext context, HLObject object) {
        context.kernel().identify(object);
    }

    private StructType lookup(HotLockContext context) {
        StructType type = context.struct(typeName);
        if (type == null) {
            CompilerDirectives.transferToInterpreter();
            throw new HLException("unknown struct '" + typeName + "': declare it with 'struct " + typeName + " { ... }'", this);
        }
        return type;
    }

    private int[] indices(StructType type) {
        int[] result = new int[fieldNames.length];
        for (int i = 0; i < fieldNames.length; i++) {
            result[i] = type.indexOf(fieldNames[i]);
            if (result[i] < 0) {
                throw new HLException("struct " + typeName + " has no field '" + fieldNames[i] + "' (fields: "
                        + String.join(", ", type.fieldNames()) + ")", this);
            }
        }
        return result;
    }
}
