package org.hotlock.nodes.declaration;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;

/**
 * {@code fn name(params) { ... }} at the top level: installs the function in the context.
 * Declaring a name again replaces the earlier function, as a JShell redefinition does; call
 * sites see the new one on their next call. A kernel model's functions are replaced by a
 * script only with {@code patch fn}, so that trying a patch is explicit and a name clash is not
 * a silent patch; a patch is logged to the kernel log and named in BUG reports.
 */
@NodeInfo(shortName = "fn")
public final class FunctionDeclarationNode extends HLExpressionNode {
    private final String name;
    private final RootCallTarget target;
    private final int arity;
    /** Declared in a kernel model's source. */
    private final boolean model;
    /** {@code patch fn}: replaces a function of the kernel model. */
    private final boolean patch;

    public FunctionDeclarationNode(String name, RootCallTarget target, int arity, boolean model, boolean patch) {
        this.name = name;
        this.target = target;
        this.arity = arity;
        this.model = model;
        this.patch = patch;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        return define(context());
    }

    @TruffleBoundary
    private Object define(HotLockContext context) {
        int index = context.globalIndex(name);
        String origin = context.modelOrigin(index);
        if (model) {
            origin = where(this);
        } else if (patch) {
            checkPatch(context, index, origin);
        } else if (origin != null) {
            if (context.readGlobal(index) instanceof HLFunction) {
                throw new HLException("fn " + name + " would replace the kernel model's " + name + " (" + origin + "): write 'patch fn "
                        + name + "(...)' to patch the model, or give yours another name", this);
            }
            context.checkScriptDeclaration(name, index, this);
        }
        HLFunction function = new HLFunction(name, target, arity, false);
        context.defineFunction(function);
        if (model) {
            context.markModelGlobal(index, origin);
        } else if (patch) {
            Kernel kernel = context.kernel();
            kernel.patched(name);
            kernel.log().log("hotlock: patch fn " + name + " (" + where(this) + ") replaces " + origin);
        }
        return function;
    }

    private void checkPatch(HotLockContext context, int index, String origin) {
        Kernel kernel = context.kernel();
        if (kernel == null) {
            throw new HLException("patch fn " + name + ": no kernel model is loaded, so there is nothing to patch: declare one first, e.g. kernel \"4.19\"", this);
        }
        Object old = context.readGlobal(index);
        if (origin == null) {
            throw new HLException("patch fn " + name + ": kernel " + kernel.version + " has no function " + name
                    + " to patch (declare a function of your own with 'fn " + name + "')", this);
        }
        if (!(old instanceof HLFunction f)) {
            throw new HLException("patch fn " + name + ": '" + name + "' is " + context.describeModelGlobal(index, origin)
                    + ", not a function; only functions can be patched", this);
        }
        if (f.arity() != arity) {
            throw new HLException("patch fn " + name + " takes " + arity + " parameter(s), but the kernel model's " + name + " ("
                    + origin + ") takes " + f.arity() + ": its callers pass " + f.arity(), this);
        }
    }

    private static String where(Node node) {
        SourceSection at = node.getSourceSection();
        return at == null ? "?" : at.getSource().getName() + ":" + at.getStartLine();
    }
}
