package org.hotlock.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.kernel.InvariantException;
import org.hotlock.kernel.Kernel;
import org.hotlock.runtime.HLNull;

/**
 * The top level of a source: its declarations (functions and structs, hoisted so a file may
 * call a function declared further down) and then its snippets in order. The value is the
 * value of the last snippet, which is what {@code hotlock -e} prints and the REPL echoes.
 */
@NodeInfo(shortName = "program")
public final class ProgramNode extends HLExpressionNode {
    @Children private final HLStatementNode[] declarations;
    @Children private final HLStatementNode[] snippets;

    public ProgramNode(HLStatementNode[] declarations, HLStatementNode[] snippets) {
        this.declarations = declarations;
        this.snippets = snippets;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        started();
        try {
            return run(frame);
        } finally {
            ended();
        }
    }

    @TruffleBoundary
    private void started() {
        var section = getRootNode().getSourceSection();
        context().programStarted(section == null ? null : section.getSource());
    }

    @TruffleBoundary
    private void ended() {
        context().programEnded();
    }

    @ExplodeLoop
    private Object run(VirtualFrame frame) {
        Object last = HLNull.SINGLETON;
        for (HLStatementNode declaration : declarations) {
            if (declaration instanceof HLExpressionNode e) {
                last = e.executeGeneric(frame);
            } else {
                declaration.executeVoid(frame);
            }
        }
        for (HLStatementNode snippet : snippets) {
            if (snippet instanceof HLExpressionNode e) {
                last = e.executeGeneric(frame);
            } else {
                snippet.executeVoid(frame);
                last = HLNull.SINGLETON;
            }
        }
        checkKernelInvariants();
        return last;
    }

    /** At the end of every run the simulated kernel's invariants must hold. */
    @TruffleBoundary
    private void checkKernelInvariants() {
        Kernel kernel = context().kernel();
        if (kernel != null && kernel.booted()) {
            String broken = kernel.checkInvariants();
            if (broken != null) {
                throw new InvariantException("kernel invariant broken at the end of the run: " + broken
                        + "\n  last step: " + kernel.operations().last(), this);
            }
        }
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class;
    }
}
