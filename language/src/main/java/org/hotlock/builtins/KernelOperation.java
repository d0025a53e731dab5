package org.hotlock.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;
import org.hotlock.kernel.InvariantException;
import org.hotlock.kernel.Kernel;
import org.hotlock.nodes.HLRootNode;
import org.hotlock.runtime.HLFunction;

/**
 * Brackets an entry into the kernel (a sysfs access, a firmware event). When the last thread
 * leaves the kernel, the simulator's invariants must hold; the step that broke one is named.
 */
public final class KernelOperation {
    private KernelOperation() {
    }

    /**
     * The function now bound to the handler's name: a script that redefines a model function
     * (to try a patched kernel) changes what the sysfs file or event runs, as it changes every
     * call site.
     */
    @TruffleBoundary
    public static HLFunction current(Node node, HLFunction registered) {
        Object now = HLRootNode.contextOf(node).lookup(registered.name());
        return now instanceof HLFunction f ? f : registered;
    }

    @TruffleBoundary
    public static void enter(Kernel kernel, String description) {
        kernel.enterOperation(kernel.currentThread(), description);
    }

    /** Leaves a kernel operation that is failing: its own error is the one to report. */
    @TruffleBoundary
    public static void abort(Kernel kernel) {
        kernel.abortOperation(kernel.currentThread());
    }

    @TruffleBoundary
    public static void exit(Kernel kernel, String description, Node location) {
        String broken = kernel.exitOperation(kernel.currentThread());
        if (broken != null) {
            throw InvariantException.after(broken, kernel.currentThread().name() + ": " + description, location);
        }
    }
}
