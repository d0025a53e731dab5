package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.KernelBugException;
import org.hotlock.kernel.KernelReports;
import org.hotlock.runtime.HLNull;

/** BUG_ON(cond): a kernel BUG when cond is true: the thread stops with a kernel-style report */
@Builtin(name = "BUG_ON", doc = "BUG_ON(cond): a kernel BUG when cond is true: the thread stops with a kernel-style report")
public abstract class BugOnBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object bugOn(boolean condition) {
        if (condition) {
            throw new KernelBugException(KernelReports.bug(kernel(), "", this), this);
        }
        return HLNull.SINGLETON;
    }

    @Fallback
    protected Object other(Object condition) {
        throw typeError("BUG_ON", condition);
    }

}
