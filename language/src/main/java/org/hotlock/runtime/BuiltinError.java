package org.hotlock.runtime;

import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * Thrown by a builtin that rejects its arguments. Builtins have no source of their own, so the
 * calling {@code InvokeNode} turns this into an {@link HLException} located at the call.
 */
public final class BuiltinError extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    private final String message;
    private final int exitCode;

    public BuiltinError(String message) {
        this(message, 1);
    }

    public BuiltinError(String message, int exitCode) {
        this.message = message;
        this.exitCode = exitCode;
    }

    @Override
    public String getMessage() {
        return message;
    }

    public int exitCode() {
        return exitCode;
    }
}
