package org.hotlock.nodes;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;
import org.hotlock.HotLockLanguage;

/** The root of a guest function: a declared {@code fn}, a thread body, a builtin. */
public class HLRootNode extends RootNode {
    @Child private HLExpressionNode body;
    private final String name;
    private final SourceSection section;

    public HLRootNode(HotLockLanguage language, FrameDescriptor frame, HLExpressionNode body, String name, SourceSection section) {
        super(language, frame);
        this.body = body;
        this.name = name;
        this.section = section;
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
