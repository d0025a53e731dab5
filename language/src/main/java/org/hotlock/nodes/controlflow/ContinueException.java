package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Starts the next iteration of the innermost loop. Carries no state, so one instance serves every {@code continue}. */
public final class ContinueException extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    public static final ContinueException SINGLETON = new ContinueException();

    private ContinueException() {
    }
}
