package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code hotlock} command. {@code bin/hotlock} picks the JDK and the runtime (interpreter
 * for short runs, the Graal JIT for long ones) and then starts this class.
 */
@Command(name = "hotlock", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs HotLock scenarios against a lock-aware simulated Linux kernel.",
        subcommands = {Main.Run.class, Main.Explore.class, Main.Pct.class, Main.Replay.class, Check.class, Main.Bench.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a script failed (guest error, kernel BUG, unmet expectation)",
                "2:usage or syntax error", "3:internal error in HotLock"})
public final class Main implements Callable<Integer> {

    @Option(names = {"-e", "--eval"}, paramLabel = "SNIPPET",
            description = "Evaluate the snippet and print the value of its last expression (nothing if null).")
    private List<String> snippets = new ArrayList<>();

    /** A billion guest statements: minutes of work; an endless loop ends with a clear message. */
    static final long DEFAULT_STATEMENT_LIMIT = 1_000_000_000L;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. Tests call this directly. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Main main = new Main(in, out, err);
        CommandLine cli = new CommandLine(main);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("hotlock: " + ex.getMessage());
            err.println("Try 'hotlock --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("hotlock: internal error: " + ex);
            if (System.getenv("HOTLOCK_STACKTRACE") != null) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        if (!snippets.isEmpty()) {
            return evalSnippets();
        }
        if (System.console() == null) {
            // Piped input is a script: `echo 'print(1)' | hotlock`.
            try {
                // piped input is a scenario like a file: its threads run, its findings count
                Path stdin = Files.createTempFile("hotlock-stdin", ".hlk");
                try {
                    Files.write(stdin, in.readAllBytes());
                    ScenarioOptions o = new ScenarioOptions();
                    o.noTrace = true;
                    return runScenario(stdin, "<stdin>", "run", o, null, null);
                } finally {
                    Files.deleteIfExists(stdin);
                }
            } catch (IOException e) {
                err.println("hotlock: cannot read standard input: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        return repl();
    }

    /** The interactive session: a JLine terminal, history under the home directory. */
    private int repl() {
        try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder().system(true).build()) {
            java.nio.file.Path history = java.nio.file.Path.of(System.getProperty("user.home"), ".hotlock_history");
            org.hotlock.launcher.repl.Repl repl = new org.hotlock.launcher.repl.Repl(terminal, history, this::replContext);
            return repl.run();
        } catch (IOException e) {
            err.println("hotlock: cannot open the terminal: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    /** A context for the REPL, writing guest output to the terminal. */
    Context replContext(PrintStream guestOut, String kernel) {
        Context c = Context.newBuilder("hotlock").in(in).out(guestOut).err(guestOut).engine(engine())
                .allowIO(org.graalvm.polyglot.io.IOAccess.ALL).option("hotlock.Progress", "true").build();
        return c;
    }

    private int evalSnippets() {
        int i = 0;
        Context context = newContext();
        try {
            for (String snippet : snippets) {
                String name = snippets.size() == 1 ? "<snippet>" : "<snippet" + (++i) + ">";
                Source source = Source.newBuilder("hotlock", snippet, name).buildLiteral();
                int code = evaluate(context, source, true);
                if (code != ExitCodes.SUCCESS) {
                    return code;
                }
            }
        } finally {
            close(context);
        }
        return ExitCodes.SUCCESS;
    }

    int runSource(Source source, boolean printResult) {
        Context context = newContext();
        try {
            return evaluate(context, source, printResult);
        } finally {
            close(context);
        }
    }

    /** Closes a context; one a limit or a cancellation already ended says so again, which is not news. */
    static void close(Context context) {
        try {
            context.close();
        } catch (PolyglotException e) {
            if (!e.isCancelled() && !e.isResourceExhausted() && !e.isInterrupted()) {
                throw e;
            }
        }
    }

    /**
     * Runs a scenario file: the script, then its declared threads in the mode (unless the
     * script ran a scenario itself). Each file gets a fresh context.
     */
    int runScenario(Path file, String mode, ScenarioOptions options, String replaySchedule) {
        return runScenario(file, mode, options, replaySchedule, null);
    }

    /** As above; {@code inspect} sees the context (findings, reports) before it is closed. */
    int runScenario(Path file, String mode, ScenarioOptions options, String replaySchedule, java.util.function.Consumer<Context> inspect) {
        return runScenario(file, file.toString(), mode, options, replaySchedule, inspect);
    }

    /** Runs the scenario in the file, naming its source {@code name} in messages. */
    int runScenario(Path file, String name, String mode, ScenarioOptions options, String replaySchedule,
                    java.util.function.Consumer<Context> inspect) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("hotlock: " + file + ": no such file");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("hotlock: " + file + ": cannot read: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Source source = Source.newBuilder("hotlock", text, name).buildLiteral();
        Context.Builder builder = Context.newBuilder("hotlock").in(in).out(out).err(err).engine(engine())
                .allowIO(org.graalvm.polyglot.io.IOAccess.ALL);
        options.apply(builder, file, replaySchedule);
        Context context = builder.build();
        try {
            int code = evaluate(context, source, false);
            if (code == ExitCodes.SUCCESS) {
                code = evaluate(context, Source.newBuilder("hotlock", "run_scenario(\"" + mode + "\")", "<" + mode + ">").buildLiteral(), false);
            }
            if (code == ExitCodes.SUCCESS) {
                code = reportFindings(context);
            }
            if (inspect != null) {
                try {
                    inspect.accept(context);
                } catch (PolyglotException e) {
                    // a context cancelled by an error has nothing more to show
                }
            }
            return code;
        } finally {
            close(context);
        }
    }

    /**
     * Findings no expectation answered for fail the run: a CI job must not pass a scenario
     * that broke a rule it did not declare.
     */
    private int reportFindings(Context context) {
        try {
            long unanswered = context.eval(Source.newBuilder("hotlock", "report_findings()", "<findings>").buildLiteral()).asLong();
            if (unanswered > 0) {
                err.println("hotlock: " + unanswered + " finding" + (unanswered == 1 ? "" : "s")
                        + " no expectation answered for (see above); state them with 'expect ...' if they are intended");
                return ExitCodes.SCRIPT_FAILURE;
            }
            return ExitCodes.SUCCESS;
        } catch (PolyglotException e) {
            return new ErrorReporter(err, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        }
    }

    /** The options every scenario mode shares. */
    static final class ScenarioOptions {
        @Option(names = "--seed", paramLabel = "N", description = "Seed of the random schedule and of PCT (default: ${DEFAULT-VALUE}).")
        long seed = 0;
        @Option(names = "--strategy", paramLabel = "NAME", description = "Schedule of run: random or round-robin (default: ${DEFAULT-VALUE}).")
        String strategy = "random";
        @Option(names = "--max-steps", paramLabel = "N", description = "Steps one execution may take (default: ${DEFAULT-VALUE}).")
        long maxSteps = 100_000;
        @Option(names = "--max-executions", paramLabel = "N", description = "Executions an exploration may run (default: ${DEFAULT-VALUE}).")
        long maxExecutions = 1_000_000;
        @Option(names = "--preemption-bound", paramLabel = "N", description = "Most preemptions per explored schedule (default: none).")
        int preemptionBound = -1;
        @Option(names = "--no-reduction", description = "Explore every interleaving, without partial-order reduction.")
        boolean noReduction;
        @Option(names = "--runs", paramLabel = "N", description = "PCT runs (default: ${DEFAULT-VALUE}).")
        int runs = 100;
        @Option(names = "--depth", paramLabel = "D", description = "PCT bug depth (default: ${DEFAULT-VALUE}).")
        int depth = 3;
        @Option(names = "--trace", paramLabel = "FILE", description = "Where to save the trace of a failure (default: hotlock-trace-NAME.json here).")
        Path trace;
        @Option(names = "--no-trace", description = "Do not save a trace file.")
        boolean noTrace;
        @Option(names = "--progress", description = "Print a progress line every second during explorations.")
        boolean progress;
        @Option(names = "--statement-limit", paramLabel = "N",
                description = "Stop a script after N guest statements, an endless loop being the usual cause (default: ${DEFAULT-VALUE}; 0: none).")
        long statementLimit = DEFAULT_STATEMENT_LIMIT;
        @Option(names = "--max-call-depth", paramLabel = "N", description = "Deepest guest call nesting before a stack-overflow error (default: ${DEFAULT-VALUE}).")
        int maxCallDepth = 5000;
        @Option(names = "--lockdep-novalidate-device", description = "Leave dev->mutex out of the lock-order graph, as lockdep does.")
        boolean novalidateDevice;
        @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop an exploration or PCT after this long, reported as incomplete (default: none).")
        long timeLimit = 0;

        /** The same options for one scenario of a check: its trace goes beside the others' in the temp dir. */
        ScenarioOptions copyFor(Path file) {
            ScenarioOptions o = new ScenarioOptions();
            o.seed = seed;
            o.strategy = strategy;
            o.maxSteps = maxSteps;
            o.maxExecutions = maxExecutions;
            o.preemptionBound = preemptionBound;
            o.noReduction = noReduction;
            o.runs = runs;
            o.depth = depth;
            o.noTrace = noTrace || trace == null;
            o.trace = trace == null ? null : trace.resolve("hotlock-trace-" + file.getFileName().toString().replaceFirst("\\.hlk$", "") + ".json");
            o.progress = progress;
            o.timeLimit = timeLimit;
            o.novalidateDevice = novalidateDevice;
            o.statementLimit = statementLimit;
            o.maxCallDepth = maxCallDepth;
            return o;
        }

        void apply(Context.Builder builder, Path file, String replaySchedule) {
            if (statementLimit > 0) {
                builder.resourceLimits(org.graalvm.polyglot.ResourceLimits.newBuilder().statementLimit(statementLimit, null).build());
            }
            builder.option("hotlock.Seed", Long.toString(seed))
                    .option("hotlock.Strategy", strategy)
                    .option("hotlock.MaxSteps", Long.toString(maxSteps))
                    .option("hotlock.MaxExecutions", Long.toString(maxExecutions))
                    .option("hotlock.PreemptionBound", Integer.toString(preemptionBound))
                    .option("hotlock.Reduce", Boolean.toString(!noReduction))
                    .option("hotlock.PctRuns", Integer.toString(runs))
                    .option("hotlock.PctDepth", Integer.toString(depth))
                    .option("hotlock.Progress", Boolean.toString(progress || System.console() != null))
                    .option("hotlock.ProgressInPlace", Boolean.toString(!progress && System.console() != null))
                    .option("hotlock.TimeLimit", Long.toString(timeLimit))
                    .option("hotlock.LockdepNovalidateDevice", Boolean.toString(novalidateDevice))
                    .option("hotlock.MaxCallDepth", Integer.toString(maxCallDepth))
                    .option("hotlock.ScenarioFile", file.toString());
            if (!noTrace && replaySchedule == null) {
                String name = file.getFileName().toString().replaceFirst("\\.hlk$", "");
                builder.option("hotlock.TraceFile", (trace != null ? trace : Path.of("hotlock-trace-" + name + ".json")).toString());
            }
            if (replaySchedule != null) {
                builder.option("hotlock.Replay", replaySchedule);
            }
        }
    }

    /** Base of the scenario subcommands: each FILE in turn; the worst exit code wins. */
    abstract static class ScenarioCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;
        @CommandLine.Mixin
        ScenarioOptions options = new ScenarioOptions();
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.hlk).")
        List<Path> files;

        abstract String mode();

        @Override
        public Integer call() {
            int worst = ExitCodes.SUCCESS;
            for (Path file : files) {
                worst = Math.max(worst, main.runScenario(file, mode(), options, null));
            }
            return worst;
        }
    }

    @Command(name = "explore", mixinStandardHelpOptions = true,
            description = "Explore the interleavings of each scenario's threads (DPOR with sleep sets); stop at the first failure.")
    static final class Explore extends ScenarioCommand {
        @Override
        String mode() {
            return "explore";
        }
    }

    @Command(name = "pct", mixinStandardHelpOptions = true,
            description = "Probabilistic concurrency testing: --runs seeded runs at bug depth --depth.")
    static final class Pct extends ScenarioCommand {
        @Override
        String mode() {
            return "pct";
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay the failing schedule saved in a trace file.")
    static final class Replay implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;
        @Parameters(arity = "1", paramLabel = "TRACE", description = "A trace file written by run, explore or pct.")
        Path trace;

        @Override
        public Integer call() {
            String json;
            try {
                json = Files.readString(trace, StandardCharsets.UTF_8);
            } catch (IOException e) {
                main.err.println("hotlock: " + trace + ": cannot read: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            String scenario;
            List<String> schedule;
            try {
                scenario = org.hotlock.sched.TraceFile.scenario(json);
                schedule = org.hotlock.sched.TraceFile.schedule(json);
            } catch (IllegalArgumentException e) {
                main.err.println("hotlock: " + trace + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
            return main.runScenario(Path.of(scenario), "replay", new ScenarioOptions(), String.join(",", schedule));
        }
    }

    private int evaluate(Context context, Source source, boolean printResult) {
        try {
            Value result = context.eval(source);
            if (printResult && !result.isNull()) {
                out.println(result.toString());
            }
            return ExitCodes.SUCCESS;
        } catch (PolyglotException e) {
            return new ErrorReporter(err, System.getenv("HOTLOCK_STACKTRACE") != null).report(e);
        }
    }

    Context newContext() {
        return Context.newBuilder("hotlock")
                .in(in).out(out).err(err)
                .engine(engine())
                .resourceLimits(org.graalvm.polyglot.ResourceLimits.newBuilder().statementLimit(DEFAULT_STATEMENT_LIMIT, null).build())
                .build();
    }

    private Engine engine;

    /** Shares one engine between the contexts of several files (check --jobs). */
    void useEngine(Engine shared) {
        this.engine = shared;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    private Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("hotlock").in(in).out(out).err(err).build();
        }
        return engine;
    }

    /** {@code hotlock run FILE...}: runs each scenario in a fresh kernel, threads under one schedule. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run scenario files, each in a fresh simulated kernel; declared threads run under one seeded schedule.")
    static final class Run extends ScenarioCommand {
        @Override
        String mode() {
            return "run";
        }
    }

    /**
     * {@code hotlock bench FILE...}: each file sets up a scenario and names its threads in
     * {@code workload}; random-schedule executions run for a warm-up, then are measured.
     * Prints one line per file: name, executions/s, scheduling points/s. bin/bench runs it
     * on both runtimes and prints the ratio.
     */
    @Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure executions and scheduling points per second (see bin/bench).")
    static final class Bench implements Callable<Integer> {
        @CommandLine.ParentCommand
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
            String runtime;
            try (Engine e = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
                runtime = e.getImplementationName();
            }
            for (Path file : files) {
                Source source = Source.newBuilder("hotlock", Files.readString(file), file.toString()).build();
                try (Context context = Context.newBuilder("hotlock").out(main.out).err(main.err)
                        .option("engine.WarnInterpreterOnly", "false").option("hotlock.Checks", Boolean.toString(!noChecks)).build()) {
                    context.eval(source);
                    context.eval("hotlock", "bench_scenario(workload, " + warmup + ")");
                    Value r = context.eval("hotlock", "bench_scenario(workload, " + measure + ")");
                    long executions = r.getArrayElement(0).asLong();
                    long points = r.getArrayElement(1).asLong();
                    double secs = r.getArrayElement(2).asLong() / 1e9;
                    main.out.printf("%s\t%s\t%.1f\t%.1f\t%d%n", file.getFileName(), runtime, executions / secs, points / secs,
                            r.getArrayElement(3).asLong());
                } catch (PolyglotException e) {
                    return new ErrorReporter(main.err, true).report(e);
                }
            }
            return ExitCodes.SUCCESS;
        }
    }

    /** Reads the version recorded at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream s = Main.class.getResourceAsStream("version.properties")) {
                if (s != null) {
                    p.load(s);
                }
            }
            String runtime;
            try (Engine e = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
                runtime = e.getImplementationName();
            }
            return new String[]{
                    "hotlock " + p.getProperty("version", "unknown"),
                    "Truffle " + p.getProperty("truffle", "unknown") + ", runtime: " + runtime
                            + ", Java " + System.getProperty("java.version")};
        }
    }
}
