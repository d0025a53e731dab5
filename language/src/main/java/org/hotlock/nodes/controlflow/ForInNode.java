package org.hotlock.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.nodes.HLStatementNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLRange;

/**
 * {@code for x in iterable body}: over a range (each integer), a list (each element, in a
 * snapshot taken when the loop starts) or a string (each character).
 */
@NodeInfo(shortName = "for")
public final class ForInNode extends HLStatementNode {
    private final int slot;
    @Child private HLExpressionNode iterable;
    @Child private HLStatementNode body;

    public ForInNode(int slot, HLExpressionNode iterable, HLStatementNode body) {
        this.slot = slot;
        this.iterable = iterable;
        this.body = body;
    }

    @Override
    public void executeVoid(VirtualFrame frame) {
        Object over = iterable.executeGeneric(frame);
        long count = 0;
        try {
            if (over instanceof HLRange range) {
                // the loop variable stays an unboxed long unless the slot already holds other kinds
                FrameDescriptor descriptor = frame.getFrameDescriptor();
                FrameSlotKind kind = descriptor.getSlotKind(slot);
                boolean unboxed = kind == FrameSlotKind.Long || kind == FrameSlotKind.Illegal;
                descriptor.setSlotKind(slot, unboxed ? FrameSlotKind.Long : FrameSlotKind.Object);
                for (long i = range.start(); i < range.end(); i++) {
                    if (unboxed) {
                        frame.setLong(slot, i);
                    } else {
                        frame.setObject(slot, i);
                    }
                    count++;
                    if (!step(frame)) {
                        break;
                    }
                }
            } else if (over instanceof HLList list) {
                frame.getFrameDescriptor().setSlotKind(slot, FrameSlotKind.Object);
                Object[] elements = list.toArray();
                for (int i = 0; i < elements.length; i++) {
                    frame.setObject(slot, elements[i]);
                    count++;
                    if (!step(frame)) {
                        break;
                    }
                }
            } else if (over instanceof String s) {
                frame.getFrameDescriptor().setSlotKind(slot, FrameSlotKind.Object);
                for (int i = 0; i < s.length(); i++) {
                    frame.setObject(slot, character(s, i));
                    count++;
                    if (!step(frame)) {
                        break;
                    }
                }
            } else {
                CompilerDirectives.transferToInterpreter();
                throw new HLException("cannot iterate over " + Display.typeName(over) + " (for-in takes a range, a list or a string)", this);
            }
        } finally {
            LoopNode.reportLoopCount(this, (int) Math.min(count, Integer.MAX_VALUE));
        }
    }

    @TruffleBoundary
    private static String character(String s, int index) {
        return String.valueOf(s.charAt(index));
    }

    /** Runs the body once; false when it executed {@code break}. */
    private boolean step(VirtualFrame frame) {
        countStatement();
        try {
            body.executeVoid(frame);
        } catch (ContinueException e) {
            return true;
        } catch (BreakException e) {
            return false;
        }
        return true;
    }
}
