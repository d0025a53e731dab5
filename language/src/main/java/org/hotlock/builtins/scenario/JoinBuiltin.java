package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.ThreadScheduler;
import org.hotlock.runtime.HLNull;
import org.hotlock.sched.Scheduler;

/** {@code join(t)}: waits until a spawned thread has ended. */
@Builtin(name = "join", doc = "join(t): wait until the spawned thread t has ended")
public abstract class JoinBuiltin extends KernelBuiltinNode {

    @Specialization
    protected Object join(Scheduler.Handle handle) {
        ThreadScheduler s = kernel().runningScheduler();
        if (s == null) {
            throw error("join waits for a thread of a running scenario; no scenario is running");
        }
        s.join(handle, this);
        return HLNull.SINGLETON;
    }

    @Fallback
    protected Object other(Object t) {
        throw typeError("join", t);
    }
}
