package org.hotlock.launcher;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.hotlock.launcher.repl.Repl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The {@code hotlock} command. {@code bin/hotlock} picks the JDK and the runtime (interpreter
 * for short runs, the Graal JIT for long ones) and then starts this class. Without a
 * subcommand it evaluates {@code -e} snippets, runs piped input, or starts the REPL.
 */
@Command(name = "hotlock", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs HotLock scenarios against a lock-aware simulated Linux kernel.",
        subcommands = {RunCommand.class, ExploreCommand.class, PctCommand.class, ReplayCommand.class, CheckCommand.class,
                BenchCommand.class, WorkerCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a script failed (guest error, kernel BUG, unmet expectation)",
                "2:usage or syntax error", "3:internal error in HotLock",
                "4:inconclusive: an expectation a search cut short (bound, limit, PCT) could not settle"},
        footer = {"", "Tools and engine options, anywhere on the line, as GraalVM's launchers take them:",
                "  --inspect[=[HOST:]PORT] (Chrome DevTools), --cpusampler, --cputracer, --memtracer,",
                "  --TOOL.OPTION=VALUE, --engine.NAME=VALUE, --log.file=FILE, --experimental-options;",
                "  --help:tools and --help:engine list them, --version:graalvm the tools' versions.",
                "'hotlock [OPTIONS] FILE.hlk' is 'hotlock run [OPTIONS] FILE.hlk'."})
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
        ToolOptions tools;
        try {
            tools = ToolOptions.split(args, optionNames(cli, false), optionNames(cli, true));
        } catch (ToolOptions.Refused e) {
            err.println("hotlock: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (String arg : tools.rest) {
            String help = switch (arg) {
                case "--help:tools" -> ToolOptions.helpTools();
                case "--help:engine" -> ToolOptions.helpEngine();
                case "--version:graalvm" -> VersionProvider.graalvm();
                default -> null;
            };
            if (help != null) {
                out.print(help);
                return ExitCodes.SUCCESS;
            }
        }
        main.contexts.useEngineOptions(tools.options, tools.experimental);
        String first = tools.rest.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        if (first.endsWith(".hlk")) {
            // as GraalVM's launchers run a file given alone: `hotlock --inspect FILE` is `hotlock run --inspect FILE`
            tools.rest.addFirst("run");
        }
        args = tools.rest.toArray(String[]::new);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        forgetOptionsThatDoNotApply(cli);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("hotlock: " + ex.getMessage());
            // a mistyped command or option: picocli's nearest names
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine().getCommand() instanceof ScenarioCommand sc) {
                for (String arg : u.getUnmatched()) {
                    String name = arg.split("=", 2)[0];
                    if (sc.optionsThatDoNotApply().contains(name)) {
                        err.println(name + " is not an option of " + command + ", which runs one schedule: see 'hotlock pct --help' and 'hotlock explore --help'.");
                    }
                }
            }
            err.println("Try '" + command + " --help'.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("hotlock: internal error: " + ex);
            if (System.getenv("HOTLOCK_STACKTRACE") != null) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        try {
            return cli.execute(args);
        } finally {
            // the tools report when their engine closes (the CPU sampler's histogram)
            main.contexts.closeEngine();
        }
    }

    /** HotLock's own option names (or those that take a value), of every command: the engine never gets these. */
    private static Set<String> optionNames(CommandLine cli, boolean withValue) {
        Set<String> names = new HashSet<>();
        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            if (!withValue || option.arity().max() > 0) {
                names.addAll(List.of(option.names()));
            }
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            names.addAll(optionNames(sub, withValue));
        }
        return names;
    }

    /** The shared scenario options a command has no use for are not its options: not in its help, an error if given. */
    private static void forgetOptionsThatDoNotApply(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof ScenarioCommand command) {
                for (String name : command.optionsThatDoNotApply()) {
                    sub.getCommandSpec().remove(sub.getCommandSpec().findOption(name));
                }
            }
        }
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
                    Files.writeString(stdin, ScriptFiles.read(in, "standard input"), StandardCharsets.UTF_8);
                    ScenarioOptions o = new ScenarioOptions();
                    o.noTrace = true;
                    return runner.runScenario(stdin, "<stdin>", "run", o, null, null);
                } finally {
                    Files.deleteIfExists(stdin);
                }
            } catch (ScriptFiles.Unreadable e) {
                err.println("hotlock: error: " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IOException e) {
                err.println("hotlock: cannot read standard input: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        return repl();
    }

    /** The interactive session: a JLine terminal, history under the home directory, one per project. */
    private int repl() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Repl repl = new Repl(terminal, Repl.historyOf(Path.of(System.getProperty("user.home")), Path.of("")),
                    (guestOut, kernel) -> contexts.forRepl(guestOut));
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

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Contexts contexts() {
        return contexts;
    }

    SourceRunner runner() {
        return runner;
    }
}
