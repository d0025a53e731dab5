package org.hotlock.launcher;

import org.hotlock.sched.TraceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
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

    /**
     * The most a trace may be: 256 MiB. A trace holds a line or two per step; at the default
     * bound of 100 000 steps it is about 20 MB, so even ten times the steps fit.
     */
    static final int TRACE_LIMIT = 256 << 20;

    @Override
    public Integer call() {
        String json;
        try (InputStream in = Files.newInputStream(trace)) {
            byte[] bytes = in.readNBytes(TRACE_LIMIT + 1);
            if (bytes.length > TRACE_LIMIT) {
                main.err().println("hotlock: " + trace + ": not a HotLock trace: larger than " + (TRACE_LIMIT >> 20)
                        + " MiB, the most HotLock reads as a trace");
                return ExitCodes.USAGE;
            }
            json = new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            main.err().println("hotlock: " + trace + ": no such file");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            main.err().println("hotlock: " + trace + ": cannot read: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path scenario;
        List<String> schedule;
        ScenarioOptions options = new ScenarioOptions();
        try {
            TraceFile.Trace t = TraceFile.read(json);
            scenario = scenarioOf(t);
            schedule = t.schedule();
            if (t.steps() != null) {
                options.replaySteps = TraceFile.encodeSteps(t.steps());
            }
            // the script's other scenarios run as they did when the trace was saved
            options.replayScenario = t.scenarioIndex();
            options.replaySearchMode = t.searchMode();
            TraceFile.Settings settings = t.settings();
            if (settings != null) {
                // as the run that saved it: the same bounds of an execution, the same lock graph
                options.maxSteps = settings.maxSteps();
                options.statementLimit = settings.statementLimit();
                options.maxCallDepth = settings.maxCallDepth();
                options.noGateLocks = !settings.gateLocks();
                options.novalidateDevice = settings.lockdepNovalidateDevice();
            }
        } catch (IllegalArgumentException e) {
            main.err().println("hotlock: " + trace + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return main.runner().runScenario(scenario, "replay", options, String.join(",", schedule));
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
        Path besideTrace;
        try {
            besideTrace = old ? Path.of(recorded) : trace.toAbsolutePath().getParent().resolve(recorded).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a HotLock trace: its scenario " + TraceFile.shorten(TraceFile.quote(recorded)) + " is not a file name");
        }
        Path file = besideTrace;
        String absolute = t.scenarioAbsolute();
        Path absolutePath = null;
        try {
            absolutePath = absolute == null ? null : Path.of(absolute);
        } catch (InvalidPathException e) {
            // a hand-edited absolute path that names no file: the relative one must do
        }
        if (!Files.isRegularFile(file) && absolutePath != null && Files.isRegularFile(absolutePath)) {
            file = absolutePath;
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a directory, a device (/dev/zero), a FIFO: never read as the scenario
            throw new IllegalArgumentException("the scenario it replays, " + TraceFile.shorten(file.toString()) + ", is not a regular file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the scenario it replays is not there: " + TraceFile.shorten(besideTrace.toString())
                    + (old ? " (relative to the directory the trace was written from)" : " (relative to the trace)")
                    + (absolute == null ? "" : " nor " + TraceFile.shorten(absolute)));
        }
        return file.isAbsolute() && file.startsWith(here) ? here.relativize(file) : file;
    }
}
