package org.hotlock.builtins.scenario;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.dsl.Specialization;
import org.hotlock.builtins.Builtin;
import org.hotlock.builtins.KernelBuiltinNode;
import org.hotlock.context.HotLockContext;
import org.hotlock.runtime.HLNull;
import org.hotlock.scenario.ScenarioRunner;

/**
 * {@code run_scenario(mode)}: runs every declared thread in the mode (run, explore, pct,
 * replay), unless the script already ran a scenario itself. The launcher calls it after a
 * file, with the mode of its command line.
 */
@Builtin(name = "run_scenario", doc = "run_scenario(mode): run the declared threads (run, explore, pct, replay) unless a scenario already ran")
public abstract class RunScenarioBuiltin extends KernelBuiltinNode {

    @Specialization
    @TruffleBoundary
    protected Object run(String mode) {
        HotLockContext context = context();
        boolean force = mode.endsWith("!");
        if (force) {
            // the REPL's /run and /explore: run the declared threads whatever ran before
            mode = mode.substring(0, mode.length() - 1);
        } else if (context.scenarioRan()) {
            return HLNull.SINGLETON;
        }
        if (context.declaredThreads().isEmpty() || context.kernel() == null) {
            if (force) {
                throw error("no threads declared: declare some first, e.g. thread probe { sysfs.write(...) }");
            }
            return HLNull.SINGLETON;
        }
        ScenarioRunner runner = new ScenarioRunner(context, this);
        return runner.run(ScenarioRunner.mode(mode, this), context.declaredThreads()).summary();
    }
}
