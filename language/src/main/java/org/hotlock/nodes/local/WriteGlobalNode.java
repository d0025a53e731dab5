package org.hotlock.nodes.local;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLException;

/**
 * Assigns a global. {@code declare} is set for a top-level {@code var} or {@code const}, which
 * (re)defines the name, as a JShell snippet does; a plain assignment needs an existing variable.
 */
@NodeInfo(shortName = "global=")
public final class WriteGlobalNode extends HLExpressionNode {
    public enum Mode { ASSIGN, DECLARE_VAR, DECLARE_CONST }

    private final String name;
    private final int index;
    private final Mode mode;
    /** A declaration in a kernel model's source: the name becomes the model's, which scripts cannot redeclare. */
    private final boolean model;
    @Child private HLExpressionNode value;

    public WriteGlobalNode(String name, int index, Mode mode, HLExpressionNode value) {
        this(name, index, mode, value, false);
    }

    public WriteGlobalNode(String name, int index, Mode mode, HLExpressionNode value, boolean model) {
        this.name = name;
        this.index = index;
        this.mode = mode;
        this.value = value;
        this.model = model;
    }

    public String name() {
        return name;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object v = value.executeGeneric(frame);
        HotLockContext context = context();
        if (mode != Mode.ASSIGN) {
            declaring(context);
        }
        switch (mode) {
            case DECLARE_CONST -> context.defineConstant(index, v);
            case DECLARE_VAR -> {
                if (context.isConstant(index)) {
                    CompilerDirectives.transferToInterpreter();
                    throw new HLException("'" + name + "' is a constant and cannot be redeclared as a variable", this);
                }
                context.writeGlobal(index, v);
            }
            case ASSIGN -> {
                if (context.readGlobal(index) == HotLockContext.UNDEFINED) {
                    CompilerDirectives.transferToInterpreter();
                    throw new HLException("unknown variable '" + name + "': declare it first with 'var " + name + " = ...'", this);
                }
                if (context.isConstant(index)) {
                    CompilerDirectives.transferToInterpreter();
                    throw new HLException("cannot assign to constant '" + name + "'", this);
                }
                context.writeGlobal(index, v);
            }
        }
        return v;
    }

    /** A model's declaration claims the name; a script's must not take one the model has. */
    @TruffleBoundary
    private void declaring(HotLockContext context) {
        if (model) {
            SourceSection at = getSourceSection();
            context.markModelGlobal(index, at == null ? "the kernel model" : at.getSource().getName() + ":" + at.getStartLine());
        } else {
            context.checkScriptDeclaration(name, index, this);
        }
    }
}
