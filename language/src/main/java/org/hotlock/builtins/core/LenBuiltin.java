package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.HLRange;

/** {@code len(x)}: elements of a list, characters of a string, integers in a range. */
@Builtin(name = "len", doc = "len(x): length of a list, string or range")
public abstract class LenBuiltin extends HLBuiltinNode {

    @Specialization
    protected long list(HLList list) {
        return list.size();
    }

    @Specialization
    protected long string(String s) {
        return s.length();
    }

    @Specialization
    protected long range(HLRange r) {
        return r.size();
    }

    @Fallback
    protected Object other(Object value) {
        throw typeError("len", value);
    }
}
