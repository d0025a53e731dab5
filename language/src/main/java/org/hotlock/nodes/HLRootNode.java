package org.hotlock.nodes;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.CalledFrom;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The root of a guest function: a declared {@code fn}, a thread body, a builtin. It carries the
 * language's context reference, so every node below finds its context without knowing the
 * language class (which knows the parser, which knows the nodes).
 */
public class HLRootNode extends RootNode implements CalledFrom {
    @Child private HLExpressionNode body;
    private final ContextReference<HotLockContext> contexts;
    private final TruffleLanguage<HotLockContext> language;
    private final String name;
    private final SourceSection section;
    /** The call sites linked to this function so far (any context, any worker). */
    private final Set<Node> callSites = ConcurrentHashMap.newKeySet();
    private volatile boolean severalCallSites;

    public HLRootNode(TruffleLanguage<HotLockContext> language, ContextReference<HotLockContext> contexts, FrameDescriptor frame,
                      HLExpressionNode body, String name, SourceSection section) {
        super(language, frame);
        this.language = language;
        this.contexts = contexts;
        this.body = body;
        this.name = name;
        this.section = section;
    }

    /** The context the node runs in now: a constant of the compiled code when it runs in one context. */
    public static HotLockContext contextOf(Node node) {
        return contextReferenceOf(node).get(node);
    }

    /** The context reference of the root the node belongs to. */
    public static ContextReference<HotLockContext> contextReferenceOf(Node node) {
        return ((HLRootNode) node.getRootNode()).contexts;
    }

    /** A call site links to this function (once, when it specializes to it). */
    public void linkedFrom(Node site) {
        if (!severalCallSites && callSites.add(site) && callSites.size() > 1) {
            severalCallSites = true;
        }
    }

    /** A call site that calls many functions (an indirect call) reaches this one: count it as several. */
    public void calledIndirectly() {
        if (!severalCallSites) {
            severalCallSites = true;
        }
    }

    @Override
    public boolean calledFromSeveralSites() {
        return severalCallSites;
    }

    /** The language's class, as interop objects of its frames (a debugger's scopes) name it. */
    @SuppressWarnings("unchecked")
    public Class<? extends TruffleLanguage<?>> languageClass() {
        return (Class<? extends TruffleLanguage<?>>) language.getClass();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return body.executeGeneric(frame);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getQualifiedName() {
        return name;
    }

    @Override
    public SourceSection getSourceSection() {
        return section;
    }

    @Override
    public boolean isCloningAllowed() {
        return true;
    }

    @Override
    public boolean isInternal() {
        return section == null;
    }

    @Override
    public String toString() {
        return "root " + name;
    }

    /** Used by instruments: the body of a function is tagged RootBody, the root itself Root. */
    public static boolean isRootTag(Class<?> tag) {
        return tag == StandardTags.RootTag.class || tag == StandardTags.RootBodyTag.class;
    }
}
