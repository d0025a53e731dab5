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
    @Option(names = "--max-warmup", paramLabel = "MS", description = "Past --warmup, warm up on in 2 s windows while they still get faster "
            + "(the JIT's compile queue draining), up to this in all (default: ${DEFAULT-VALUE}; at most --warmup: a fixed warm-up).")
    long maxWarmup = 90_000;
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
                if (!context.getBindings("hotlock").hasMember("workload")) {
                    main.err().println("hotlock: error: " + file + " names no workload: bench measures the threads a file lists in "
                            + "'var workload = [t1, t2]' (as bench/*.hlk do)");
                    return ExitCodes.USAGE;
                }
                measure(context, warmup);
                long warmed = warmup + settle(context);
                Value r = measure(context, measure);
                main.out().printf("%s\t%s\t%.1f\t%.1f\t%d\t%.0f%n", file.getFileName(), runtime, perSecond(r, EXECUTIONS), perSecond(r, POINTS),
                        r.getArrayElement(FAILURES).asLong(), warmed / 1000.0);
            } catch (PolyglotException e) {
                return new ErrorReporter(main.err(), true).report(e);
            }
        }
        return ExitCodes.SUCCESS;
    }

    /** Random-schedule executions of the workload for the milliseconds: bench_scenario's result. */
    private static Value measure(Context context, long millis) {
        return context.eval(Source.newBuilder("hotlock", "bench_scenario(workload, " + millis + ")", "<bench>").buildLiteral());
    }

    /** A window of the warm-up that goes on while the runtime still gets faster. */
    static final long WINDOW = 2000;
    /** A window this much faster than the best before it is still warming up (noise is about 5%). */
    static final double RISING = 1.05;

    /**
     * Warms up on past the fixed warm-up while the executions get faster: on two cores the
     * JIT's compile queue can take 20 s and more to drain, and a measurement taken before
     * that is of a runtime half warm (the seed race measured 16 000, 25 000, then 40 000
     * executions/s in three 5 s windows after a 10 s warm-up). It stops when two windows in a
     * row are no more than 5% faster than the best one before them, or when another window
     * would pass --max-warmup. Returns the extra milliseconds.
     */
    private long settle(Context context) {
        if (warmup + WINDOW > maxWarmup) {
            return 0;   // a fixed warm-up
        }
        double best = rate(context);
        long extra = WINDOW;
        int flat = 0;
        while (warmup + extra + WINDOW <= maxWarmup && flat < 2) {
            double now = rate(context);
            extra += WINDOW;
            if (now > best * RISING) {
                flat = 0;
            } else {
                flat++;
            }
            best = Math.max(best, now);
        }
        return extra;
    }

    private static double rate(Context context) {
        return perSecond(measure(context, WINDOW), EXECUTIONS);
    }

    /** The places in bench_scenario's result: [executions, points, nanoseconds, failures]. */
    private static final int EXECUTIONS = 0;
    private static final int POINTS = 1;
    private static final int NANOSECONDS = 2;
    private static final int FAILURES = 3;

    /** One count of a bench_scenario result, per second of the time it measured. */
    private static double perSecond(Value result, int count) {
        return result.getArrayElement(count).asLong() / (result.getArrayElement(NANOSECONDS).asLong() / 1e9);
    }
}
