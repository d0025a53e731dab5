package org.hotlock.runtime;

import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A guest function: a declared {@code fn}, a builtin, or a kernel model function. Calls cache
 * its call target, so a hot call site in the kernel model is a direct call after warm-up.
 */
@ExportLibrary(InteropLibrary.class)
public final class HLFunction implements TruffleObject {
    private final String name;
    private final RootCallTarget callTarget;
    private final int arity;
    private final boolean builtin;
    /** A builtin's one line of documentation ("" for declared functions: their comments are in their source). */
    private final String doc;
    /** Set when a rule watches calls of this function: the call site checks the rule then. */
    private volatile boolean watched;

    public HLFunction(String name, RootCallTarget callTarget, int arity, boolean builtin) {
        this(name, callTarget, arity, builtin, "");
    }

    public HLFunction(String name, RootCallTarget callTarget, int arity, boolean builtin, String doc) {
        this.name = name;
        this.callTarget = callTarget;
        this.arity = arity;
        this.builtin = builtin;
        this.doc = doc;
    }

    public String doc() {
        return doc;
    }

    public String name() {
        return name;
    }

    public RootCallTarget callTarget() {
        return callTarget;
    }

    /** Number of parameters; -1 for builtins that take any number. */
    public int arity() {
        return arity;
    }

    public boolean watched() {
        return watched;
    }

    public void setWatched(boolean watched) {
        this.watched = watched;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    public SourceSection declaration() {
        return callTarget.getRootNode().getSourceSection();
    }

    @Override
    public String toString() {
        return "fn " + name;
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    Object execute(Object[] arguments, @Cached IndirectCallNode call) throws ArityException, UnsupportedTypeException {
        if (arity >= 0 && arguments.length != arity) {
            throw ArityException.create(arity, arity, arguments.length);
        }
        Object[] guest = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            guest[i] = HostValues.toGuest(arguments[i]);
        }
        try {
            return call.call(callTarget, guest);
        } catch (BuiltinError e) {
            throw new HLException(name + ": " + e.getMessage(), null, e.exitCode());
        }
    }

    @ExportMessage
    boolean hasExecutableName() {
        return true;
    }

    @ExportMessage
    Object getExecutableName() {
        return name;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "fn " + name;
    }
}
