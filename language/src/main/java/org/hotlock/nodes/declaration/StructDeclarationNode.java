package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.StructType;

import java.util.List;

/**
 * {@code struct zone { name; present_pages = 0 }}: declares a struct type. Field defaults are
 * evaluated here, once; {@code new} copies them into each instance.
 */
@NodeInfo(shortName = "struct")
public final class StructDeclarationNode extends HLExpressionNode {
    private final String name;
    private final List<String> fields;
    @Children private final HLExpressionNode[] defaults;

    public StructDeclarationNode(String name, List<String> fields, HLExpressionNode[] defaults) {
        this.name = name;
        this.fields = fields;
        this.defaults = defaults;
    }

    public String name() {
        return name;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object[] values = new Object[defaults.length];
        for (int i = 0; i < defaults.length; i++) {
            values[i] = defaults[i] == null ? HLNull.SINGLETON : defaults[i].executeGeneric(frame);
        }
        return define(context(), values);
    }

    @TruffleBoundary
    private Object define(HotLockContext context, Object[] values) {
        StructType type = new StructType(name, fields);
        for (int i = 0; i < values.length; i++) {
            type.setDefault(i, values[i]);
        }
        StructType old = context.struct(name);
        if (old != null && old.sameLayout(type)) {
            // Keep shared-field marks of an unchanged re-declaration.
            for (int i = 0; i < old.fieldCount(); i++) {
                if (old.isShared(i)) {
                    type.markShared(i);
                }
            }
        }
        context.defineStruct(type);
        return "struct " + name;
    }
}
