package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;

/** WARN_ON(cond): a kernel WARNING with a call trace when cond is true; returns cond */
@Builtin(name = "WARN_ON", doc = "WARN_ON(cond): a kernel WARNING with a call trace when cond is true; returns cond")
public abstract class WarnOnBuiltin extends KernelBuiltinNode {
    @Specialization
    protected boolean warnOn(boolean condition) {
        if (condition) {
            kernel().warn("WARN_ON", this);
        }
        return condition;
    }

    @Fallback
    protected Object other(Object condition) {
        throw typeError("WARN_ON", condition);
    }

}
