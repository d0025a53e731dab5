package org.hotlock.nodes.expression;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import com.oracle.truffle.api.nodes.NodeInfo;
import org.hotlock.runtime.HLNull;
import org.hotlock.runtime.HLObject;
import org.hotlock.runtime.HLRange;

/**
 * {@code a == b}. Integers, booleans and strings compare by value, ranges by bounds, everything
 * else (structs, lists, locks, functions) by identity. Values of different types are unequal.
 */
@NodeInfo(shortName = "==")
public abstract class EqualNode extends BinaryNode {

    @Override
    protected String operator() {
        return "==";
    }

    @Specialization
    protected boolean longs(long left, long right) {
        return left == right;
    }

    @Specialization
    protected boolean booleans(boolean left, boolean right) {
        return left == right;
    }

    @Specialization
    protected boolean strings(String left, String right) {
        return left.equals(right);
    }

    /** {@code x == null}: null is one object, so this is a reference comparison. */
    @Specialization
    protected boolean withNull(Object left, HLNull right) {
        return left == right;
    }

    @Specialization
    protected boolean nullWith(HLNull left, Object right) {
        return left == right;
    }

    /** Structs compare by identity. */
    @Specialization
    protected boolean objects(HLObject left, HLObject right) {
        return left == right;
    }

    @Specialization(replaces = {"longs", "booleans", "strings", "withNull", "nullWith", "objects"})
    @TruffleBoundary
    protected boolean generic(Object left, Object right) {
        return equal(left, right);
    }

    @TruffleBoundary
    public static boolean equal(Object left, Object right) {
        if (left instanceof Long || left instanceof Boolean || left instanceof String || left instanceof HLRange) {
            return left.equals(right);
        }
        return left == right;
    }
}
