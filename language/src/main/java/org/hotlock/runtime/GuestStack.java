package org.hotlock.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleStackTraceElement;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

/** Formats guest stack frames the way a kernel developer reads a backtrace. */
public final class GuestStack {
    private GuestStack() {
    }

    @TruffleBoundary
    public static String describe(TruffleStackTraceElement element) {
        RootNode root = element.getTarget().getRootNode();
        Node at = element.getLocation();
        SourceSection section = at != null ? at.getEncapsulatingSourceSection() : root.getSourceSection();
        return frame(root.getName(), section);
    }

    @TruffleBoundary
    public static String frame(String function, SourceSection section) {
        if (section == null || !section.isAvailable()) {
            return function;
        }
        return function + " (" + section.getSource().getName() + ":" + section.getStartLine() + ")";
    }
}
