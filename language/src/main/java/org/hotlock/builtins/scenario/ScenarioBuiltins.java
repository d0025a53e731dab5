package org.hotlock.builtins.scenario;

import org.hotlock.builtins.BuiltinSpec;

import java.util.List;

/** Threads and scenarios: spawning and joining threads, scheduling points, running the declared threads, and what the checks found. */
public final class ScenarioBuiltins {
    private ScenarioBuiltins() {
    }

    public static List<BuiltinSpec> all() {
        return List.of(
                BuiltinSpec.of(BenchScenarioBuiltinFactory.getInstance()),
                BuiltinSpec.of(CurrentCommBuiltinFactory.getInstance()),
                BuiltinSpec.of(FindingsBuiltinFactory.getInstance()),
                BuiltinSpec.of(InconclusiveExpectationsBuiltinFactory.getInstance()),
                BuiltinSpec.of(JoinBuiltinFactory.getInstance()),
                BuiltinSpec.of(LastReportBuiltinFactory.getInstance()),
                BuiltinSpec.of(LockGraphBuiltinFactory.getInstance()),
                BuiltinSpec.of(MsleepBuiltinFactory.getInstance()),
                BuiltinSpec.of(QueueWorkBuiltinFactory.getInstance()),
                BuiltinSpec.of(ReportFindingsBuiltinFactory.getInstance()),
                BuiltinSpec.of(RunScenarioBuiltinFactory.getInstance()),
                BuiltinSpec.of(SpawnBuiltinFactory.getInstance()),
                BuiltinSpec.of(WaitWhileBuiltinFactory.getInstance()),
                BuiltinSpec.of(YieldBuiltinFactory.getInstance()));
    }
}
