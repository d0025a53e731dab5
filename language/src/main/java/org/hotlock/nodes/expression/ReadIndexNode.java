package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLList;

/** {@code list[i]} and {@code string[i]}. */
@NodeInfo(shortName = "[]")
@NodeChild("receiver")
@NodeChild("index")
@ReportPolymorphism
public abstract class ReadIndexNode extends HLExpressionNode {

    public abstract HLExpressionNode getReceiver();

    public abstract HLExpressionNode getIndex();

    @Specialization
    protected Object readList(HLList list, long index) {
        if (!list.inBounds(index)) {
            throw outOfBounds(index, list.size());
        }
        return list.get(index);
    }

    @Specialization
    @TruffleBoundary
    protected String readString(String string, long index) {
        if (index < 0 || index >= string.length()) {
            throw outOfBounds(index, string.length());
        }
        return String.valueOf(string.charAt((int) index));
    }

    @Fallback
    protected Object notIndexable(Object receiver, Object index) {
        CompilerDirectives.transferToInterpreter();
        throw new HLException("cannot index " + Display.typeName(receiver) + " with " + Display.typeName(index), this);
    }

    protected final HLException outOfBounds(long index, int size) {
        CompilerDirectives.transferToInterpreter();
        return new HLException("index " + index + " is out of bounds for length " + size, this);
    }
}
