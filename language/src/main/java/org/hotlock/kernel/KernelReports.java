package org.hotlock.kernel;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.frame.FrameInstance;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.runtime.GuestStack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Kernel-style reports (BUG, WARNING) with the guest call trace at the point they fire. */
public final class KernelReports {
    /**
     * How many guest stacks were walked in this JVM: a walk of compiled frames costs more than
     * the rest of a step, so the checks keep stacks per site and take one only when a report
     * is new; a test holds a search to that (WalksTest).
     */
    private static final AtomicLong WALKS = new AtomicLong();

    public static long walks() {
        return WALKS.get();
    }

    private KernelReports() {
    }

    /** The current guest stack, innermost first, from the node that is executing. */
    @TruffleBoundary
    public static List<String> currentStack(Node location) {
        WALKS.incrementAndGet();
        List<String> frames = new ArrayList<>();
        Node[] at = {location};
        Truffle.getRuntime().iterateFrames((FrameInstance frame) -> {
            RootNode root = ((RootCallTarget) frame.getCallTarget()).getRootNode();
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

    /**
     * A guest stack taken cheaply: the frames' roots and call nodes, turned into text only when
     * a report prints it. Checks take one at every shared access, most never printed.
     */
    public static final class Captured {
        private final RootNode[] roots;
        private final Node[] nodes;
        private List<String> text;
        private String key;
        private String functions;

        Captured(RootNode[] roots, Node[] nodes) {
            this.roots = roots;
            this.nodes = nodes;
        }

        /**
         * Identifies the stack (the same call sites, the same key) without formatting it: by
         * where in the sources each frame is, so that every context that runs the same sources
         * (the workers of a search) keys it alike. Made once: a report keys the stack at every
         * occurrence, and the kernel keeps one stack per check site and thread (Kernel#stackAt).
         */
        @TruffleBoundary
        public String key() {
            if (key == null) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < roots.length; i++) {
                    SourceSection s = nodes[i] != null ? nodes[i].getEncapsulatingSourceSection() : null;
                    sb.append(roots[i].getName());
                    if (s != null) {
                        sb.append('@').append(s.getSource().getName()).append(':').append(s.getCharIndex()).append('+').append(s.getCharLength());
                    }
                    sb.append('<');
                }
                key = sb.toString();
            }
            return key;
        }

        /**
         * A lockdep report's place: the functions of the call path, innermost first, not their
         * lines, as lockdep tells reports apart by class and call chain and a SARIF fingerprint
         * by function (two unlocks of one lock in one function are one report, the first seen).
         */
        @TruffleBoundary
        public String functions() {
            if (functions == null) {
                StringBuilder sb = new StringBuilder();
                for (RootNode root : roots) {
                    sb.append(root.getName()).append('<');
                }
                functions = sb.toString();
            }
            return functions;
        }

        @TruffleBoundary
        public List<String> frames() {
            if (text == null) {
                List<String> t = new ArrayList<>(roots.length);
                for (int i = 0; i < roots.length; i++) {
                    SourceSection s = nodes[i] != null ? nodes[i].getEncapsulatingSourceSection() : null;
                    t.add(GuestStack.frame(roots[i].getName(), s));
                }
                text = t;
            }
            return text;
        }
    }

    /** The current guest stack, innermost first, kept as nodes. */
    @TruffleBoundary
    public static Captured capture(Node location) {
        WALKS.incrementAndGet();
        List<RootNode> roots = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        Node[] at = {location};
        Truffle.getRuntime().iterateFrames((FrameInstance frame) -> {
            RootNode root = ((RootCallTarget) frame.getCallTarget()).getRootNode();
            if (root.getSourceSection() != null) {
                roots.add(root);
                nodes.add(at[0] != null && at[0].getRootNode() == root ? at[0] : frame.getCallNode());
            }
            at[0] = frame.getCallNode();
            return null;
        });
        return new Captured(roots.toArray(RootNode[]::new), nodes.toArray(Node[]::new));
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
        sb.append("Thread: ").append(kernel.currentThread().name()).append("  Kernel: ").append(kernel.version)
                .append(kernel.patches().isEmpty() ? " (HotLock model)\n" : " (HotLock model, patched: " + String.join(", ", kernel.patches()) + ")\n");
        appendTrace(sb, stack);
        return sb.append("---[ end trace ]---").toString();
    }

    /** What stands in lockdep's reports for the kernel's version line (print_kernel_ident). */
    public static final String KERNEL_IDENT = "HotLock kernel model";

    /**
     * The head of a lockdep report: its title between a line of '=' and one of '-' as long as
     * lockdep's warning line ({@code width}), the kernel's identity in between.
     */
    public static void lockdepHeader(StringBuilder sb, String title, int width) {
        sb.append("=".repeat(width)).append('\n');
        sb.append(title).append('\n');
        sb.append(KERNEL_IDENT).append('\n');
        sb.append("-".repeat(width)).append('\n');
    }

    /**
     * lockdep's print_deadlock_bug (kernel/locking/lockdep.c, v4.19/v4.20): the thread is
     * about to take a lock it already holds. HotLock shows the lock's instance where lockdep
     * shows its address (nothing for a global lock, which is its own class), and guest frames
     * where it shows return addresses.
     */
    @TruffleBoundary
    public static String recursiveLocking(GuestThread thread, KernelLock lock, Node location) {
        List<String> stack = currentStack(location);
        StringBuilder sb = new StringBuilder();
        String title = "WARNING: possible recursive locking detected";
        lockdepHeader(sb, title, title.length());
        sb.append(task(thread)).append(" is trying to acquire lock:\n");
        sb.append(lock(lock)).append(", at: ").append(stack.isEmpty() ? "?" : stack.getFirst()).append('\n');
        sb.append("\nbut task is already holding lock:\n");
        sb.append(lock(lock)).append('\n');
        sb.append("\nother info that might help us debug this:\n");
        sb.append(" Possible unsafe locking scenario:\n\n");
        sb.append("       CPU0\n");
        sb.append("       ----\n");
        sb.append("  lock(").append(lock.lockClass()).append(");\n");
        sb.append("  lock(").append(lock.lockClass()).append(");\n");
        sb.append("\n *** DEADLOCK ***\n\n");
        sb.append(" May be due to missing lock nesting notation\n\n");
        heldLocks(sb, thread);
        sb.append("\nstack backtrace:\n");
        appendTrace(sb, stack);
        return sb.toString().stripTrailing();
    }

    /**
     * lockdep's print_unlock_imbalance_bug (kernel/locking/lockdep.c, v4.19/v4.20): the thread
     * releases a lock it does not hold. When another thread holds it, HotLock says whose it is
     * first under "other info" (lockdep does not: it looks only at the releasing task).
     */
    @TruffleBoundary
    public static String badUnlock(GuestThread thread, KernelLock lock, GuestThread owner, Node location) {
        List<String> stack = currentStack(location);
        StringBuilder sb = new StringBuilder();
        String title = "WARNING: bad unlock balance detected!";
        lockdepHeader(sb, title, title.length());
        sb.append(task(thread)).append(" is trying to release lock (").append(lock.lockClass()).append(") at:\n");
        sb.append(stack.isEmpty() ? "?" : stack.getFirst()).append('\n');
        sb.append("but there are no more locks to release!\n");
        sb.append("\nother info that might help us debug this:\n");
        if (owner != null) {
            sb.append(lock.name()).append(" is held by ").append(task(owner)).append('\n');
        }
        heldLocks(sb, thread);
        sb.append("\nstack backtrace:\n");
        appendTrace(sb, stack);
        return sb.toString().stripTrailing();
    }

    /**
     * lockdep_print_held_locks: "N locks held by T/pid:" and each lock. Without where each was
     * taken (lockdep's acquire_ip): a lock builtin is one node for every caller, and finding
     * the caller at every acquire would walk the stack on the hottest path of a search; the
     * circular report prints the held lock so too.
     */
    public static void heldLocks(StringBuilder sb, GuestThread thread) {
        List<GuestThread.HeldLock> held = thread.held();
        if (held.isEmpty()) {
            sb.append("no locks held by ").append(task(thread)).append(".\n");
            return;
        }
        sb.append(held.size()).append(held.size() > 1 ? " locks" : " lock").append(" held by ").append(task(thread)).append(":\n");
        for (int i = 0; i < held.size(); i++) {
            GuestThread.HeldLock h = held.get(i);
            sb.append(" #").append(i).append(": ").append(lock(h.lock())).append('\n');
        }
    }

    /** comm/pid: the thread's name and its number in the scenario (main is 0). */
    private static String task(GuestThread thread) {
        return thread.name() + "/" + thread.id();
    }

    /** print_lock without the address: the instance's name where it is not its class's, then the class. */
    private static String lock(KernelLock lock) {
        return (lock.name().equals(lock.lockClass()) ? "" : lock.name()) + " (" + lock.lockClass() + ")";
    }

    private static void appendTrace(StringBuilder sb, List<String> stack) {
        sb.append("Call Trace:\n");
        for (String frame : stack) {
            sb.append("  ").append(frame).append('\n');
        }
    }
}
