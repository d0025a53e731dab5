package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.nodes.expression.EqualNode;
import org.hotlock.runtime.HLList;

import java.util.ArrayList;
import java.util.List;

/** {@code remove(list, x)}: removes the first element equal to x; true if one was removed. */
@Builtin(name = "remove", doc = "remove(list, x): remove the first element equal to x; true if found")
public abstract class RemoveBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected boolean remove(HLList list, Object value) {
        List<Object> elements = new ArrayList<>(list.snapshot());
        for (int i = 0; i < elements.size(); i++) {
            if (EqualNode.equal(elements.get(i), value)) {
                for (int j = i; j < elements.size() - 1; j++) {
                    list.set(j, elements.get(j + 1));
                }
                list.removeLast();
                return true;
            }
        }
        return false;
    }

    @Fallback
    protected Object other(Object list, Object value) {
        throw typeError("remove", list, value);
    }
}
