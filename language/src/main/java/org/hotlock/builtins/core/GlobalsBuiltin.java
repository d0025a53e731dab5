package org.hotlock.builtins.core;

import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.HLBuiltinNode;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLList;

import java.util.List;
import java.util.Map;

/**
 * {@code globals()}: every defined global as {@code [name, type, value text, builtin]}, in
 * the order names were first seen: for the REPL's /vars, /fns and completion.
 */
@Builtin(name = "globals", doc = "globals(): [name, type, text, builtin] of every defined global")
public abstract class GlobalsBuiltin extends HLBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object globals() {
        HLList result = new HLList();
        for (Map.Entry<String, Object> e : context().definedGlobals().entrySet()) {
            Object v = e.getValue();
            String text = Display.showNested(v);
            if (text.length() > 200) {
                text = text.substring(0, 197) + "...";
            }
            result.add(new HLList(List.of(e.getKey(), Display.typeName(v), text, v instanceof HLFunction f && f.isBuiltin())));
        }
        return result;
    }
}
