package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.dsl.Fallback;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.kernel.ThreadScheduler;
import org.hotlock.runtime.HLFunction;
import org.hotlock.runtime.ThreadSpec;

/** {@code spawn(fn)}: starts a guest thread running fn (or a declared thread's body) during a scenario. */
@Builtin(name = "spawn", doc = "spawn(fn): start a guest thread running fn (inside a scenario); returns it for join")
public abstract class SpawnBuiltin extends KernelBuiltinNode {

    @Specialization
    protected Object spawn(HLFunction body) {
        return scheduler().spawn(body);
    }

    @Specialization
    protected Object spawn(ThreadSpec thread) {
        return scheduler().spawn(thread.body());
    }

    @Fallback
    protected Object other(Object body) {
        throw typeError("spawn", body);
    }

    private ThreadScheduler scheduler() {
        ThreadScheduler s = kernel().runningScheduler();
        if (s == null) {
            throw error("spawn starts a thread within a scenario: call it from a thread's body (thread t { spawn(worker) })");
        }
        return s;
    }
}
