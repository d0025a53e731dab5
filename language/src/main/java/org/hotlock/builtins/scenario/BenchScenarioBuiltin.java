package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.runtime.HLList;
import org.hotlock.runtime.ThreadSpec;
import org.hotlock.scenario.ScenarioRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench_scenario([threads], millis)}: runs random-schedule executions for about that
 * long and returns [executions, scheduling points, nanoseconds, failures]. For benchmarks.
 */
@Builtin(name = "bench_scenario", doc = "bench_scenario(threads, millis): [executions, points, ns, failures] of random executions")
public abstract class BenchScenarioBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object measure(HLList threads, long millis) {
        List<ThreadSpec> specs = new ArrayList<>();
        for (Object t : threads.snapshot()) {
            if (!(t instanceof ThreadSpec spec)) {
                throw error("bench_scenario takes a list of threads");
            }
            specs.add(spec);
        }
        bootedKernel();
        long[] r = new ScenarioRunner(context(), this).measure(specs, millis);
        return new HLList(List.of(r[0], r[1], r[2], r[3]));
    }
}
