package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.runtime.GuestStack;

import java.util.ArrayList;
import java.util.List;

/** Kernel-style reports (BUG, WARNING) with the guest call trace at the point they fire. */
public final class KernelReports {
    private KernelReports() {
    }

    /** The current guest stack, innermost first, from the node that is executing. */
    @TruffleBoundary
    public static List<String> currentStack(Node location) {
        List<String> frames = new ArrayList<>();
        Node[] at = {location};
        Truffle.getRuntime().iterateFrames((FrameInstance frame) -> {
            RootNode root = ((com.oracle.truffle.api.RootCallTarget) frame.getCallTarget()).getRootNode();
            if (root.getSourceSection() != null) {
                Node node = at[0] != null && at[0].getRootNode() == root ? at[0] : frame.getCallNode();
                SourceSection s = node != null ? node.getEncapsulatingSourceSection() : null;
                frames.add(GuestStack.frame(root.getName(), s));
            }
            at[0] = frame.getCallNode();
            return null;
        });
        return frames;
    }

    @TruffleBoundary
    public static String warning(Kernel kernel, String message, Node location) {
        List<String> stack = currentStack(location);
        StringBuilder sb = new StringBuilder("------------[ cut here ]------------\n");
        sb.append("WARNING: ").append(kernel.currentThread().name()).append(" at ")
                .append(stack.isEmpty() ? "?" : stack.getFirst()).append(": ").append(message).append('\n');
        appendTrace(sb, stack);
        return sb.append("---[ end trace ]---").toString();
    }

    @TruffleBoundary
    public static String bug(Kernel kernel, String message, Node location) {
        List<String> stack = currentStack(location);
        StringBuilder sb = new StringBuilder("------------[ cut here ]------------\n");
        sb.append("kernel BUG at ").append(stack.isEmpty() ? "?" : stack.getFirst()).append("!\n");
        if (!message.isEmpty()) {
            sb.append(message).append('\n');
        }
        sb.append("invalid opcode: 0000 [#1] SMP\n");
        sb.append("Thread: ").append(kernel.currentThread().name()).append("  Kernel: ").append(kernel.version).append(" (HotLock model)\n");
        appendTrace(sb, stack);
        return sb.append("---[ end trace ]---").toString();
    }

    private static void appendTrace(StringBuilder sb, List<String> stack) {
        sb.append("Call Trace:\n");
        for (String frame : stack) {
            sb.append("  ").append(frame).append('\n');
        }
    }
}
