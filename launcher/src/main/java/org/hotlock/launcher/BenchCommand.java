package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hotlock bench FILE...}: each file sets up a scenario and names its threads in
 * {@code workload}; random-schedule executions run for a warm-up, then are measured.
 * Prints one line per file: name, executions/s, scheduling points/s. bin/bench runs it
 * on both runtimes and prints the ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure executions and scheduling points per second (see bin/bench).")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Option(names = "--warmup", paramLabel = "MS", description = "Warm-up per workload in ms (default: ${DEFAULT-VALUE}).")
    long warmup = 5000;
    @Option(names = "--measure", paramLabel = "MS", description = "Measured time per workload in ms (default: ${DEFAULT-VALUE}).")
    long measure = 5000;
    @Option(names = "--no-checks", description = "Measure with the checkers off.")
    boolean noChecks;
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        String runtime = Contexts.runtimeName();
        for (Path file : files) {
            String text;
            try {
                text = ScriptFiles.read(file);
            } catch (NoSuchFileException e) {
                main.err().println("hotlock: " + file + ": no such file");
                return ExitCodes.USAGE;
            } catch (IOException e) {
                main.err().println("hotlock: error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            Source source = Source.newBuilder("hotlock", text, file.toString()).build();
            try (Context context = main.contexts().forBench(!noChecks)) {
                context.eval(source);
                context.eval("hotlock", "bench_scenario(workload, " + warmup + ")");
                Value r = context.eval("hotlock", "bench_scenario(workload, " + measure + ")");
                long executions = r.getArrayElement(0).asLong();
                long points = r.getArrayElement(1).asLong();
                double secs = r.getArrayElement(2).asLong() / 1e9;
                main.out().printf("%s\t%s\t%.1f\t%.1f\t%d%n", file.getFileName(), runtime, executions / secs, points / secs,
                        r.getArrayElement(3).asLong());
            } catch (PolyglotException e) {
                return new ErrorReporter(main.err(), true).report(e);
            }
        }
        return ExitCodes.SUCCESS;
    }
}
