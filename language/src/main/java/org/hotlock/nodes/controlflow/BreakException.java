package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Leaves the innermost loop. Carries no state, so one instance serves every {@code break}. */
public final class BreakException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public static final BreakException SINGLETON = new BreakException();

    private BreakException() {
    }
}
