package org.hotlock.session;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import org.hotlock.HotLockContext;
import org.hotlock.HotLockLanguage;

/**
 * The program of a {@link HotLockLanguage#SESSION_MIME_TYPE} source: it answers the context's
 * {@link SessionControl}. The call target is shared by the contexts of an engine, so the
 * object is made for the context that runs it.
 */
public final class SessionRootNode extends RootNode {
    public SessionRootNode(HotLockLanguage language) {
        super(language);
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return new SessionControl(HotLockContext.get(this));
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
