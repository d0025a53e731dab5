package org.hotlock.nodes.local;

import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;

/** Reads a local variable from its frame slot, unboxed while the slot holds one primitive kind. */
@NodeInfo(shortName = "read")
@NodeField(name = "slot", type = int.class)
@NodeField(name = "name", type = String.class)
public abstract class ReadLocalNode extends HLExpressionNode {

    protected abstract int getSlot();

    public abstract String getName();

    @Specialization(guards = "frame.isLong(getSlot())")
    protected long readLong(VirtualFrame frame) {
        return frame.getLong(getSlot());
    }

    @Specialization(guards = "frame.isBoolean(getSlot())")
    protected boolean readBoolean(VirtualFrame frame) {
        return frame.getBoolean(getSlot());
    }

    @Specialization(replaces = {"readLong", "readBoolean"})
    protected Object readObject(VirtualFrame frame) {
        if (!frame.isObject(getSlot())) {
            // The slot changed kind after this node specialized: move it to Object for good.
            Object value = frame.getValue(getSlot());
            frame.getFrameDescriptor().setSlotKind(getSlot(), FrameSlotKind.Object);
            frame.setObject(getSlot(), value);
            return value;
        }
        return frame.getObject(getSlot());
    }
}
