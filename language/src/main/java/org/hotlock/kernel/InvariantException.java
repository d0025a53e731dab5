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

    /** The invariants broken once the step left the kernel. */
    public static InvariantException after(String broken, String step, Node location) {
        return new InvariantException("kernel invariant broken: " + broken + "\n  after step: " + step, location);
    }
}
