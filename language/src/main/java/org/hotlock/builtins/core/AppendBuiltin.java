package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.runtime.HLList;

/** {@code append(list, x)}: adds x at the end of the list and returns the list. */
@Builtin(name = "append", doc = "append(list, x): add x at the end of list; returns list")
public abstract class AppendBuiltin extends HLBuiltinNode {

    @Specialization
    protected Object append(HLList list, Object value) {
        list.add(value);
        return list;
    }

    @Fallback
    protected Object other(Object list, Object value) {
        throw typeError("append", list, value);
    }
}
