package org.hotlock.builtins.strings;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import org.hotlock.runtime.Display;

/** {@code str(x)}: the value as text, as {@code print} shows it. */
@Builtin(name = "str", doc = "str(x): x as text")
public abstract class StrBuiltin extends HLBuiltinNode {

    @Specialization
    protected String str(Object value) {
        return Display.show(value);
    }
}
