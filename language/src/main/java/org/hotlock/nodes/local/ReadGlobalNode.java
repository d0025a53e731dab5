package org.hotlock.nodes.local;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.context.HotLockContext;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.HLException;

/** Reads a global variable, constant or function by its language-wide index. */
@NodeInfo(shortName = "global")
public final class ReadGlobalNode extends HLExpressionNode {
    private final String name;
    private final int index;

    public ReadGlobalNode(String name, int index) {
        this.name = name;
        this.index = index;
    }

    public String name() {
        return name;
    }

    @Override
    public Object executeGeneric(VirtualFrame frame) {
        Object value = context().readGlobal(index);
        if (value == HotLockContext.UNDEFINED) {
            CompilerDirectives.transferToInterpreter();
            throw new HLException("unknown name '" + name + "': no variable, constant or function of that name is defined", this);
        }
        return value;
    }
}
