package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.ThreadScheduler;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.HLNull;

/**
 * {@code queue_work(fn, arg)}: the kernel's workqueues (queue_work, acpi_hotplug_schedule):
 * fn(arg) runs later, in a worker of its own. In a scenario that worker is a guest thread,
 * named after fn and scheduled like the others, so the caller goes on and the work races with
 * everything else; outside one (the script between scenarios) nothing else runs, and the work
 * runs at once, as if its worker ran right after the caller.
 */
@Builtin(name = "queue_work", doc = "queue_work(fn, arg): run fn(arg) in a worker thread of its own (in a scenario; at once outside one)")
public abstract class QueueWorkBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object queue(HLFunction work, Object argument) {
        ThreadScheduler s = kernel().runningScheduler();
        if (s != null) {
            s.spawn(work, new Object[]{argument}, this);
        } else {
            work.callTarget().call(this, argument);
        }
        return HLNull.SINGLETON;
    }

    @Fallback
    protected Object other(Object work, Object argument) {
        throw typeError("queue_work", work, argument);
    }
}
