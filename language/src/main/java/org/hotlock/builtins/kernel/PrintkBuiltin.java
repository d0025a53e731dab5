package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.Display;
import org.hotlock.runtime.HLNull;

/** printk(message): append a line to the kernel log */
@Builtin(name = "printk", doc = "printk(message): append a line to the kernel log")
public abstract class PrintkBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object printk(Object message) {
        kernel().log().log(Display.show(message));
        return HLNull.SINGLETON;
    }

}
