package org.hotlock.launcher;

import org.hotlock.sched.TraceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hotlock replay TRACE}: the scenario a trace names, under the schedule it saved. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay the failing schedule saved in a trace file.")
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Parameters(arity = "1", paramLabel = "TRACE", description = "A trace file written by run, explore or pct.")
    Path trace;

    @Override
    public Integer call() {
        String json;
        try {
            json = Files.readString(trace, StandardCharsets.UTF_8);
        } catch (IOException e) {
            main.err().println("hotlock: " + trace + ": cannot read: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String scenario;
        List<String> schedule;
        try {
            scenario = TraceFile.scenario(json);
            schedule = TraceFile.schedule(json);
        } catch (IllegalArgumentException e) {
            main.err().println("hotlock: " + trace + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return main.runner().runScenario(Path.of(scenario), "replay", new ScenarioOptions(), String.join(",", schedule));
    }
}
