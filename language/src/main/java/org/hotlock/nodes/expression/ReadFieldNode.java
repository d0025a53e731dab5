package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.dsl.Cached;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.NodeChild;
import com.oracle.truffle.api.dsl.NodeField;
import com.oracle.truffle.api.dsl.ReportPolymorphism;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.nodes.HLExpressionNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLException;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.HLRange;
import org.hotlock.runtime.HostValues;
import org.hotlock.runtime.StructType;

/** {@code obj.field}: a struct field (cached per struct type), a range bound, a list length. */
@NodeInfo(shortName = ".")
@NodeChild("receiver")
@NodeField(name = "field", type = String.class)
@ReportPolymorphism
public abstract class ReadFieldNode extends HLExpressionNode {

    public abstract String getField();

    public abstract HLExpressionNode getReceiver();

    @Specialization(guards = "object.type() == cachedType", assumptions = "cachedType.sharedUnchanged()", limit = "4")
    protected Object readCached(HLObject object,
                                @Cached("object.type()") StructType cachedType,
                                @Cached("fieldIndex(cachedType)") int index) {
        if (cachedType.isShared(index)) {
            context().sharedAccess(this, object, index, false, null);
        }
        return object.get(index);
    }

    @Specialization(replaces = "readCached")
    protected Object readStruct(HLObject object) {
        int index = fieldIndex(object.type());
        if (object.type().isShared(index)) {
            context().sharedAccess(this, object, index, false, null);
        }
        return object.get(index);
    }

    @Specialization
    protected Object readRange(HLRange range) {
        return switch (getField()) {
            case "start" -> range.start();
            case "end" -> range.end();
            case "size" -> size(range);
            default -> throw noSuchField(range);
        };
    }

    private long size(HLRange range) {
        try {
            return range.size();
        } catch (ArithmeticException e) {
            CompilerDirectives.transferToInterpreter();
            throw new HLException("integer overflow: the size of " + Display.show(range) + " does not fit in a 64-bit int", this);
        }
    }

    @Specialization
    protected Object readList(HLList list) {
        if (getField().equals("length")) {
            return (long) list.size();
        }
        throw noSuchField(list);
    }

    @Specialization
    protected Object readString(String string) {
        if (getField().equals("length")) {
            return (long) string.length();
        }
        throw noSuchField(string);
    }

    @Specialization(guards = {"!isHotLockValue(receiver)", "interop.hasMembers(receiver)"}, limit = "3")
    protected Object readForeign(Object receiver, @CachedLibrary("receiver") InteropLibrary interop) {
        try {
            return HostValues.toGuest(interop.readMember(receiver, getField()));
        } catch (UnknownIdentifierException | UnsupportedMessageException | UnsupportedTypeException e) {
            throw noSuchField(receiver);
        }
    }

    @Fallback
    protected Object notAnObject(Object receiver) {
        CompilerDirectives.transferToInterpreter();
        if (receiver instanceof HLNull) {
            throw new HLException("cannot read field '" + getField() + "' of null", this);
        }
        throw noSuchField(receiver);
    }

    protected static boolean isHotLockValue(Object value) {
        return value instanceof HLObject || value instanceof HLRange || value instanceof HLList || value instanceof HLNull
                || value instanceof Long || value instanceof Boolean || value instanceof String;
    }

    protected final int fieldIndex(StructType type) {
        return type.fieldIndexOrError(getField(), this);
    }

    protected final HLException noSuchField(Object receiver) {
        CompilerDirectives.transferToInterpreter();
        String known = receiver instanceof HLRange ? " (ranges have start, end, size)" : receiver instanceof HLList || receiver instanceof String ? " (lists and strings have length)" : "";
        return new HLException(Display.typeName(receiver) + " has no field '" + getField() + "'" + known, this);
    }
}
