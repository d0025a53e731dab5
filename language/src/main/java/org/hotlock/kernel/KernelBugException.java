package org.hotlock.kernel;

import com.oracle.truffle.api.nodes.Node;
import org.hotlock.runtime.HLException;

import java.io.Serial;

/** A {@code BUG_ON} fired: the thread stops; the message is the kernel-style report. */
public final class KernelBugException extends HLException {
    @Serial
    private static final long serialVersionUID = 1L;

    public KernelBugException(String report, Node location) {
        super(report, location);
    }
}
