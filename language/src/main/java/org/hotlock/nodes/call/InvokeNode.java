package org.hotlock.nodes.call;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.kernel.Kernel;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.BuiltinError;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;

/**
 * {@code f(a, b)}: evaluates the callee and the arguments, checks the arity, dispatches. A
 * builtin's error is reported at this call site, where the user can see it.
 */
@NodeInfo(shortName = "call")
public final class InvokeNode extends HLExpressionNode {
    @Child private HLExpressionNode function;
    @Children private final HLExpressionNode[] arguments;
    @Child private DispatchNode dispatch = DispatchNodeGen.create();
    private final String calleeName;
    /** A constant: building a message needs stack, which is what ran out. */
    private static final String STACK_OVERFLOW = "stack overflow: calls nested too deeply (endless recursion?); "
            + "the JVM's thread stack is the limit: raise it with -Xss (bin/hotlock gives 64m; HOTLOCK_JAVA_OPTS=-Xss256m gives more)";

    public InvokeNode(HLExpressionNode function, HLExpressionNode[] arguments, String calleeName) {
        this.function = function;
        this.arguments = arguments;
        this.calleeName = calleeName;
    }

    public String calleeName() {
        return calleeName;
    }

    @Override
    @ExplodeLoop
    public Object executeGeneric(VirtualFrame frame) {
        Object callee = function.executeGeneric(frame);
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = arguments[i].executeGeneric(frame);
        }
        if (callee instanceof HLFunction f) {
            if (f.arity() >= 0 && f.arity() != values.length) {
                CompilerDirectives.transferToInterpreter();
                throw new HLException(f.name() + " takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                        + " but was called with " + values.length, this);
            }
            if (f.watched()) {
                checkRules(f);
            }
        }
        try {
            return dispatch.executeDispatch(callee, values);
        } catch (BuiltinError e) {
            CompilerDirectives.transferToInterpreter();
            throw new HLException(e.getMessage(), this, e.exitCode());
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            // the deepest call site that has stack left to build the error reports it
            throw new HLException(STACK_OVERFLOW, this);
        }
    }

    /** A function a rule watches is called: the kernel tells its checkers. */
    @TruffleBoundary
    private void checkRules(HLFunction f) {
        Kernel kernel = context().kernel();
        if (kernel != null) {
            kernel.functionCalled(f.name(), this);
        }
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.CallTag.class || super.hasTag(tag);
    }
}
