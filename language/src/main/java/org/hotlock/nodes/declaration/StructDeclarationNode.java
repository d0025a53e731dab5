package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLException;
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
    /** Declared by a kernel model: the layout is made once and kept for every context. */
    private final boolean model;
    private StructType modelLayout;

    public StructDeclarationNode(String name, List<String> fields, HLExpressionNode[] defaults, boolean model) {
        this.name = name;
        this.fields = fields;
        this.defaults = defaults;
        this.model = model;
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
        if (model) {
            SourceSection at = getSourceSection();
            context.markModelStruct(name, at == null ? "the kernel model" : at.getSource().getName() + ":" + at.getStartLine());
        } else if (context.modelStructOrigin(name) != null) {
            throw new HLException("struct " + name + " is the kernel model's (" + context.modelStructOrigin(name)
                    + "); a script cannot redeclare it: give yours another name", this);
        }
        if (model && immutable(values)) {
            context.defineStruct(modelLayout(values));
            return "struct " + name;
        }
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

    /** The model's layout, made by the first context to run this declaration (the model's code is shared). */
    private synchronized StructType modelLayout(Object[] values) {
        if (modelLayout == null) {
            StructType type = new StructType(name, fields);
            for (int i = 0; i < values.length; i++) {
                type.setDefault(i, values[i]);
            }
            type.fix();
            modelLayout = type;
        }
        return modelLayout;
    }

    /** Defaults every context computes alike: numbers, booleans, strings, null. */
    private static boolean immutable(Object[] values) {
        for (Object v : values) {
            if (!(v instanceof Long || v instanceof Boolean || v instanceof String || v instanceof HLNull)) {
                return false;
            }
        }
        return true;
    }
}
