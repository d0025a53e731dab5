package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.StructType;

/** {@code obj.field = value}. A shared field is reported before the store, as a write. */
@NodeInfo(shortName = ".=")
@NodeChild("receiver")
@NodeChild("value")
@NodeField(name = "field", type = String.class)
@ReportPolymorphism
public abstract class WriteFieldNode extends HLExpressionNode {

    public abstract String getField();

    @Specialization(guards = "object.type() == cachedType", assumptions = "cachedType.sharedUnchanged()", limit = "4")
    protected Object writeCached(HLObject object, Object value,
                                 @Cached("object.type()") StructType cachedType,
                                 @Cached("fieldIndex(cachedType)") int index) {
        if (cachedType.isShared(index)) {
            context().sharedAccess(this, object, index, true, value);
        }
        object.set(index, value);
        return value;
    }

    @Specialization(replaces = "writeCached")
    protected Object writeStruct(HLObject object, Object value) {
        int index = fieldIndex(object.type());
        if (object.type().isShared(index)) {
            context().sharedAccess(this, object, index, true, value);
        }
        object.set(index, value);
        return value;
    }

    @Fallback
    protected Object notAStruct(Object receiver, @SuppressWarnings("unused") Object value) {
        CompilerDirectives.transferToInterpreter();
        if (receiver instanceof HLNull) {
            throw new HLException("cannot assign field '" + getField() + "' of null", this);
        }
        throw new HLException("cannot assign field '" + getField() + "' of " + Display.typeName(receiver) + ": only struct fields can be assigned", this);
    }

    protected final int fieldIndex(StructType type) {
        return type.fieldIndexOrError(getField(), this);
    }
}
