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

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Contexts contexts;
    private final SourceRunner runner;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.contexts = new Contexts(in, out, err);
        this.runner = new SourceRunner(contexts, out, err);
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
                    return runner.runScenario(stdin, "<stdin>", "run", o, null, null);
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
            org.hotlock.launcher.repl.Repl repl = new org.hotlock.launcher.repl.Repl(terminal, history, (guestOut, kernel) -> contexts.forRepl(guestOut));
            return repl.run();
        } catch (IOException e) {
            err.println("hotlock: cannot open the terminal: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    private int evalSnippets() {
        int i = 0;
        Context context = contexts.forSnippets();
        try {
            for (String snippet : snippets) {
                String name = snippets.size() == 1 ? "<snippet>" : "<snippet" + (++i) + ">";
                Source source = Source.newBuilder("hotlock", snippet, name).buildLiteral();
                int code = runner.evaluate(context, source, true);
                if (code != ExitCodes.SUCCESS) {
                    return code;
                }
            }
        } finally {
            Contexts.close(context);
        }
        return ExitCodes.SUCCESS;
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
                worst = Math.max(worst, main.runner.runScenario(file, mode(), options, null));
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
            return main.runner.runScenario(Path.of(scenario), "replay", new ScenarioOptions(), String.join(",", schedule));
        }
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
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
            String runtime = Contexts.runtimeName();
            for (Path file : files) {
                Source source = Source.newBuilder("hotlock", Files.readString(file), file.toString()).build();
                try (Context context = main.contexts.forBench(!noChecks)) {
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
            String runtime = Contexts.runtimeName();
            return new String[]{
                    "hotlock " + p.getProperty("version", "unknown"),
                    "Truffle " + p.getProperty("truffle", "unknown") + ", runtime: " + runtime
                            + ", Java " + System.getProperty("java.version")};
        }
    }
}
