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
        Path scenario;
        List<String> schedule;
        try {
            TraceFile.Trace t = TraceFile.read(json);
            scenario = scenarioOf(t);
            schedule = t.schedule();
        } catch (IllegalArgumentException e) {
            main.err().println("hotlock: " + trace + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return main.runner().runScenario(scenario, "replay", new ScenarioOptions(), String.join(",", schedule));
    }

    /**
     * The scenario file the trace names: relative to the trace's directory (an older trace:
     * to the current one), else at the absolute path it also records; shown relative to the
     * current directory when it is below it.
     */
    private Path scenarioOf(TraceFile.Trace t) {
        String recorded = t.scenario();
        boolean old = "hotlock-trace-1".equals(t.format());
        Path here = Path.of("").toAbsolutePath();
        Path besideTrace = old ? Path.of(recorded) : trace.toAbsolutePath().getParent().resolve(recorded).normalize();
        Path file = besideTrace;
        String absolute = t.scenarioAbsolute();
        if (!Files.isRegularFile(file) && absolute != null && Files.isRegularFile(Path.of(absolute))) {
            file = Path.of(absolute);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the scenario it replays is not there: " + besideTrace
                    + (old ? " (relative to the directory the trace was written from)" : " (relative to the trace)")
                    + (absolute == null ? "" : " nor " + absolute));
        }
        return file.isAbsolute() && file.startsWith(here) ? here.relativize(file) : file;
    }
}
