package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLList;

/** {@code list[i] = value}. */
@NodeInfo(shortName = "[]=")
@NodeChild("receiver")
@NodeChild("index")
@NodeChild("value")
@ReportPolymorphism
public abstract class WriteIndexNode extends HLExpressionNode {

    @Specialization
    protected Object writeList(HLList list, long index, Object value) {
        if (!list.inBounds(index)) {
            CompilerDirectives.transferToInterpreter();
            throw new HLException("index " + index + " is out of bounds for length " + list.size(), this);
        }
        list.set(index, value);
        return value;
    }

    @Fallback
    protected Object notAssignable(Object receiver, Object index, @SuppressWarnings("unused") Object value) {
        CompilerDirectives.transferToInterpreter();
        throw new HLException("cannot assign an element of " + Display.typeName(receiver) + " with index " + Display.typeName(index), this);
    }
}
