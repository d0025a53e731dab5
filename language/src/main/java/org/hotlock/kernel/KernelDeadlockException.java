package org.hotlock.kernel;

import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLException;

import java.io.Serial;

/** Every live thread is blocked: the run cannot go on. */
public final class KernelDeadlockException extends HLException {
    @Serial
    private static final long serialVersionUID = 1L;

    public KernelDeadlockException(String message, Node location) {
        super(message, location);
    }
}
