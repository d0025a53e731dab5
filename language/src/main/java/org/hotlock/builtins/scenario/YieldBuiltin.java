package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Event;
import org.hotlock.runtime.HLNull;

/** {@code yield()}: an explicit scheduling point; other threads may run here. */
@Builtin(name = "yield", doc = "yield(): an explicit scheduling point")
public abstract class YieldBuiltin extends KernelBuiltinNode {

    @Specialization
    protected Object yieldNow() {
        kernel().point(Event.Kind.YIELD, null, false, "yield");
        return HLNull.SINGLETON;
    }
}
