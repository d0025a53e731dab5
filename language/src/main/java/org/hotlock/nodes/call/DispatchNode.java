package org.hotlock.nodes.call;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.GenerateInline;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HostValues;

/**
 * Calls a function value. A call site that always calls the same function (the common case in
 * kernel model code) keeps a direct call, which Truffle can inline; a megamorphic one falls
 * back to an indirect call. Foreign executables (host callbacks passed in through bindings) are
 * called through interop.
 */
@GenerateInline(false)
@ReportPolymorphism
public abstract class DispatchNode extends Node {

    public abstract Object executeDispatch(Object function, Object[] arguments);

    @Specialization(guards = "function.callTarget() == cachedTarget", limit = "3")
    protected Object direct(@SuppressWarnings("unused") HLFunction function, Object[] arguments,
                            @Cached("function.callTarget()") @SuppressWarnings("unused") RootCallTarget cachedTarget,
                            @Cached("link(cachedTarget)") DirectCallNode call) {
        return call.call(arguments);
    }

    @Specialization(replaces = "direct")
    protected static Object indirect(HLFunction function, Object[] arguments, @Cached IndirectCallNode call) {
        calledIndirectly(function.callTarget());
        return call.call(function.callTarget(), arguments);
    }

    /** The direct call to a function, which learns that this site calls it (CalledFrom). */
    protected DirectCallNode link(RootCallTarget target) {
        if (target.getRootNode() instanceof HLRootNode root) {
            root.linkedFrom(this);
        }
        return DirectCallNode.create(target);
    }

    private static void calledIndirectly(RootCallTarget target) {
        if (target.getRootNode() instanceof HLRootNode root && !root.calledFromSeveralSites()) {
            root.calledIndirectly();
        }
    }

    @Specialization(guards = {"!isFunction(function)", "interop.isExecutable(function)"}, limit = "2")
    protected Object foreign(Object function, Object[] arguments, @CachedLibrary("function") InteropLibrary interop) {
        try {
            return HostValues.toGuest(interop.execute(function, arguments));
        } catch (ArityException | UnsupportedTypeException | UnsupportedMessageException e) {
            CompilerDirectives.transferToInterpreter();
            throw new HLException("calling a host function failed: " + e.getMessage(), this);
        }
    }

    @Fallback
    protected Object notCallable(Object function, @SuppressWarnings("unused") Object[] arguments) {
        CompilerDirectives.transferToInterpreter();
        throw new HLException(Display.typeName(function) + " is not a function", this);
    }

    protected static boolean isFunction(Object value) {
        return value instanceof HLFunction;
    }
}
