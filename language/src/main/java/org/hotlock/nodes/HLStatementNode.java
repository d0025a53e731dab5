package org.hotlock.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.GenerateWrapper;
import com.oracle.truffle.api.instrumentation.InstrumentableNode;
import com.oracle.truffle.api.instrumentation.ProbeNode;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.instrumentation.Tag;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.NodeInfo;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.GuestLimits;
import org.hotlock.runtime.HLException;

/**
 * Base of every executable HotLock node. Each node remembers the character span it was parsed
 * from, so errors, guest stack traces and instruments can point at the text. Statements carry
 * {@link StandardTags.StatementTag} so debuggers and coverage tools can attach.
 */
@NodeInfo(language = "HotLock", description = "A statement")
@GenerateWrapper
@ExportLibrary(NodeLibrary.class)
public abstract class HLStatementNode extends Node implements InstrumentableNode {
    private static final int NO_SOURCE = -1;

    private int sourceCharIndex = NO_SOURCE;
    private int sourceLength;
    private boolean statementTag;

    /** The context this node runs in, through its root node. */
    protected final HotLockContext context() {
        ContextReference<HotLockContext> c = contexts;
        if (c == null) {
            // once per node: the interpreter would otherwise walk up to the root at every access
            CompilerDirectives.transferToInterpreterAndInvalidate();
            c = HLRootNode.contextReferenceOf(this);
            contexts = c;
        }
        return c.get(this);
    }

    /**
     * Counts a loop iteration or a call against the statement limit ({@link GuestLimits}): a
     * decrement and a test, leaving compiled code only when the limit is passed.
     */
    protected final void countStatement() {
        GuestLimits limits = context().limits();
        if (CompilerDirectives.injectBranchProbability(CompilerDirectives.SLOWPATH_PROBABILITY, limits.count())) {
            limits.refill(this);
        }
    }

    /** The language's context reference, found through the root node on first use. */
    @CompilationFinal private ContextReference<HotLockContext> contexts;

    public abstract void executeVoid(VirtualFrame frame);

    /**
     * Runs the statement in a function's body, outside any loop: returns the value of the
     * {@code return} it ran, or null when it completed without one. Blocks and ifs pass a
     * return up this way, so a {@code return} reached through them needs no exception
     * (unwinding one through the interpreter's frames costs more than the rest of a small
     * call); one inside a loop throws, and the function's body catches it. Statements of
     * other kinds just run. The name does not start with "execute": the DSL would take such a
     * method for an execute method of every expression node. An instrument's wrapper does not
     * override it and runs the statement through executeVoid, so a wrapped return still
     * throws and is still caught.
     */
    public Object runReturning(VirtualFrame frame) {
        executeVoid(frame);
        return null;
    }

    @Override
    @TruffleBoundary
    public final SourceSection getSourceSection() {
        if (sourceCharIndex == NO_SOURCE) {
            return null;
        }
        var root = getRootNode();
        if (root == null) {
            return null;
        }
        SourceSection rootSection = root.getSourceSection();
        if (rootSection == null) {
            return null;
        }
        Source source = rootSection.getSource();
        if (sourceCharIndex + sourceLength > source.getLength()) {
            return source.createUnavailableSection();
        }
        return source.createSection(sourceCharIndex, sourceLength);
    }

    public final boolean hasSource() {
        return sourceCharIndex != NO_SOURCE;
    }

    public final int sourceCharIndex() {
        return sourceCharIndex;
    }

    public final int sourceLength() {
        return sourceLength;
    }

    public final void setSourceSection(int charIndex, int length) {
        this.sourceCharIndex = charIndex;
        this.sourceLength = length;
    }

    public final void copySourceFrom(HLStatementNode other) {
        this.sourceCharIndex = other.sourceCharIndex;
        this.sourceLength = other.sourceLength;
    }

    public final void markStatement() {
        this.statementTag = true;
    }

    @Override
    public boolean isInstrumentable() {
        return hasSource();
    }

    @Override
    public WrapperNode createWrapper(ProbeNode probe) {
        return new HLStatementNodeWrapper(this, probe);
    }

    @Override
    public boolean hasTag(Class<? extends Tag> tag) {
        return tag == StandardTags.StatementTag.class && statementTag;
    }

    /** A debugger sees the function's locals wherever it stops in it (and in its callers' frames). */
    @ExportMessage
    final boolean hasScope(@SuppressWarnings("unused") Frame frame) {
        return getRootNode() != null;
    }

    @ExportMessage
    final Object getScope(Frame frame, @SuppressWarnings("unused") boolean nodeEnter) {
        return LocalScope.of(getRootNode(), frame == null ? null : frame.materialize());
    }
}
