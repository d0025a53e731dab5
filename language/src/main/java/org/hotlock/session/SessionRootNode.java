package org.hotlock.session;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import org.hotlock.context.HotLockContext;
import org.hotlock.session.SessionControl.SnippetSplitter;

/**
 * The program of a session source ({@code application/x-hotlock-session}): it answers the
 * context's {@link SessionControl}. The call target is shared by the contexts of an engine, so
 * the object is made for the context that runs it.
 */
public final class SessionRootNode extends RootNode {
    private final ContextReference<HotLockContext> contexts;
    private final SnippetSplitter splitter;

    public SessionRootNode(TruffleLanguage<HotLockContext> language, ContextReference<HotLockContext> contexts, SnippetSplitter splitter) {
        super(language);
        this.contexts = contexts;
        this.splitter = splitter;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return new SessionControl(contexts.get(this), splitter);
    }

    /** Not the user's code: it has no place in a guest stack. */
    @Override
    public boolean isInternal() {
        return true;
    }

    @Override
    public String getName() {
        return "session";
    }
}
