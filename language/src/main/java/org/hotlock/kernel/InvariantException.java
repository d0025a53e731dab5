package org.hotlock.kernel;

import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLException;

import java.io.Serial;

/** The simulated kernel's own invariants broke: state no real kernel could be in. */
public final class InvariantException extends HLException {
    @Serial
    private static final long serialVersionUID = 1L;

    public InvariantException(String message, Node location) {
        super(message, location);
    }
}
