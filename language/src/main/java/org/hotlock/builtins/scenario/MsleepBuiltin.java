package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.Event;
import org.hotlock.runtime.HLNull;

/**
 * msleep(ms): sleep; in the simulator, a scheduling point, except between a failed trylock
 * and the restart it leads to (lock_device_hotplug_sysfs), where it touches nothing and the
 * restart waits for the lock anyway.
 */
@Builtin(name = "msleep", doc = "msleep(ms): sleep; in the simulator, a scheduling point (not after a failed trylock)")
public abstract class MsleepBuiltin extends KernelBuiltinNode {
    @Specialization
    protected Object sleep(@SuppressWarnings("unused") long ms) {
        var kernel = kernel();
        if (kernel.currentThread() == null || kernel.currentThread().failedTrylock() == null) {
            kernel.point(Event.Kind.YIELD, null, false, "msleep");
        }
        return HLNull.SINGLETON;
    }

}
