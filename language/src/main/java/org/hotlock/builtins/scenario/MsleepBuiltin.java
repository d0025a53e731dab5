package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Event;
import org.hotlock.runtime.HLNull;

/** msleep(ms): sleep; in the simulator, a scheduling point */
@Builtin(name = "msleep", doc = "msleep(ms): sleep; in the simulator, a scheduling point")
public abstract class MsleepBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object sleep(@SuppressWarnings("unused") long ms) {
        kernel().point(Event.Kind.YIELD, null, false, "msleep");
        return HLNull.SINGLETON;
    }

}
