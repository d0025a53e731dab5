package org.hotlock.parser;

import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The locals of one function (or of the top level's nested blocks) while it is parsed: a frame
 * descriptor under construction and a stack of block scopes mapping names to slots.
 */
final class Scope {
    private final FrameDescriptor.Builder frame = FrameDescriptor.newBuilder();
    private final Deque<Map<String, Integer>> blocks = new ArrayDeque<>();
    private final boolean topLevel;
    int loopDepth;

    Scope(boolean topLevel) {
        this.topLevel = topLevel;
        blocks.push(new HashMap<>());
    }

    boolean isTopLevel() {
        return topLevel;
    }

    /** True at the outermost block of the top level, where {@code var} declares a global. */
    boolean declaresGlobals() {
        return topLevel && blocks.size() == 1;
    }

    void enterBlock() {
        blocks.push(new HashMap<>());
    }

    void exitBlock() {
        blocks.pop();
    }

    int declare(String name) {
        int slot = frame.addSlot(FrameSlotKind.Illegal, name, null);
        blocks.peek().put(name, slot);
        return slot;
    }

    boolean declaredInCurrentBlock(String name) {
        return blocks.peek().containsKey(name);
    }

    Integer lookup(String name) {
        for (Map<String, Integer> block : blocks) {
            Integer slot = block.get(name);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }

    FrameDescriptor build() {
        return frame.build();
    }
}
