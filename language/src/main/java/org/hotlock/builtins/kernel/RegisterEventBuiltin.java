package org.hotlock.builtins.kernel;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLNull;

/** register_event(name, handler): the model's handler of a firmware or hypervisor event */
@Builtin(name = "register_event", doc = "register_event(name, handler): the model's handler of a firmware or hypervisor event")
public abstract class RegisterEventBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object register(String name, HLFunction handler) {
        kernel().operations().registerEvent(name, handler);
        return HLNull.SINGLETON;
    }

}
