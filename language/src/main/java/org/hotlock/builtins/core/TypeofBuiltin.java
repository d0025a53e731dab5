package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.runtime.Display;

/** {@code typeof(x)}: the type name: int, bool, string, null, list, range, fn, or the struct name. */
@Builtin(name = "typeof", doc = "typeof(x): the name of x's type")
public abstract class TypeofBuiltin extends HLBuiltinNode {

    @Specialization
    protected String typeOf(Object value) {
        return Display.typeName(value);
    }
}
